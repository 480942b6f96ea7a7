using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.RegisterPatient;
using AppointmentSlices.Web.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Patients;

/// <summary>Registers a patient at the desk, then opens their record.</summary>
public sealed class NewModel(IMediator mediator) : PageModel, IPatientForm
{
    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public bool HasFieldErrors => PatientFormErrors.HasFieldErrors(ModelState);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var command = new RegisterPatientCommand(FullName ?? "", Email ?? "", Phone ?? "", User.AsActor());
            var patient = await mediator.Send(command, ct);
            TempData[DetailsModel.StatusKey] = "The patient is registered.";
            return RedirectToPage("/Admin/Patients/Details", new { id = patient.Id });
        }
        catch (ValidationException e)
        {
            PatientFormErrors.AddTo(ModelState, e);
        }
        catch (ConflictException e) when (e.Type == ProblemTypes.EmailTaken)
        {
            ModelState.AddModelError(nameof(Email), "Another patient is registered with this email address.");
        }

        return Page();
    }
}

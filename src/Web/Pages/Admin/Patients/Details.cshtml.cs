using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetPatient;
using AppointmentSlices.Features.Patients;
using AppointmentSlices.Features.UpdatePatient;
using AppointmentSlices.Web.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Patients;

/// <summary>A patient's record: their details and an edit form, their appointments, the way to erase them.</summary>
public sealed class DetailsModel(IMediator mediator) : PageModel, IPatientForm
{
    /// <summary>Where the page that sent staff here leaves what it did, for this page to say once.</summary>
    public const string StatusKey = "PatientStatus";

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public PatientDetails Patient { get; private set; } = null!;

    public Page<PatientAppointment> Appointments { get; private set; } = new([], null);

    public bool IsOlderPage { get; private set; }

    public string? StatusMessage { get; private set; }

    public bool HasFieldErrors => PatientFormErrors.HasFieldErrors(ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, string? cursor, CancellationToken ct)
    {
        if (!await TryLoadAsync(id, cursor, ct))
        {
            return cursor is null ? NotFound() : RedirectToPage(new { id, cursor = (string?)null });
        }

        FullName = Patient.FullName;
        Email = Patient.Email;
        Phone = Patient.Phone;
        StatusMessage = TempData[StatusKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await mediator.Send(
                new UpdatePatientCommand(id, FullName ?? "", Email ?? "", Phone ?? "", User.AsActor()),
                ct
            );
            TempData[StatusKey] = "The patient's details are saved.";
            return RedirectToPage(new { id });
        }
        catch (ValidationException e)
        {
            PatientFormErrors.AddTo(ModelState, e);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException e) when (e.Type == ProblemTypes.EmailTaken)
        {
            ModelState.AddModelError(nameof(Email), "Another patient is registered with this email address.");
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
        }

        return await TryLoadAsync(id, null, ct) ? Page() : NotFound();
    }

    private async Task<bool> TryLoadAsync(Guid id, string? cursor, CancellationToken ct)
    {
        try
        {
            var record = await mediator.Send(new GetPatientQuery(id, null, cursor), ct);
            Patient = record.Patient;
            Appointments = record.Appointments;
            IsOlderPage = cursor is not null;
            return true;
        }
        catch (Exception e) when (e is NotFoundException or ValidationException)
        {
            return false;
        }
    }
}

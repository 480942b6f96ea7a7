using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ErasePatient;
using AppointmentSlices.Features.GetPatient;
using AppointmentSlices.Features.Patients;
using AppointmentSlices.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Patients;

/// <summary>The confirmation step before a patient is erased: what will happen, and a box to tick.</summary>
public sealed class EraseModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public bool Confirm { get; set; }

    public PatientDetails Patient { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await TryLoadAsync(id, ct))
        {
            return NotFound();
        }

        return Patient.ErasedAt is null ? Page() : RedirectToPage("/Admin/Patients/Details", new { id });
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm that the patient asked to be erased.");
            return await TryLoadAsync(id, ct) ? Page() : NotFound();
        }

        try
        {
            var erasure = await mediator.Send(new ErasePatientCommand(id, User.AsActor()), ct);
            TempData[DetailsModel.StatusKey] = erasure.WasErasedBefore
                ? "The patient had already been erased."
                : $"The patient is erased. Future appointments cancelled: {erasure.CancelledAppointments}.";
            return RedirectToPage("/Admin/Patients/Details", new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> TryLoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Patient = (await mediator.Send(new GetPatientQuery(id, Limit: 1), ct)).Patient;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

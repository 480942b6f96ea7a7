using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Web.Localization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AppointmentSlices.Web.Pages.Manage;

/// <summary>The patient's own booking, through the private link given at booking: see it, cancel it, move it.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, IStringLocalizer<PatientText> text)
    : PrivateLinkPageModel(mediator, clock)
{
    [BindProperty]
    public string? CancellationReason { get; set; }

    /// <summary>What the last change did, shown once after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await TryLoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        if (!await TryLoadAsync(token, ct))
        {
            return NotFound();
        }

        if (Appointment.Status == AppointmentStatus.Cancelled)
        {
            // The same cancel sent again (back, then send): it is done already, so show the cancelled booking.
            return RedirectToPage(new { token });
        }

        if (!CanChange)
        {
            Problem = text["This appointment can no longer be cancelled here. Please contact the clinic."];
            return Page();
        }

        try
        {
            var reason = TextRules.BlankToNull(CancellationReason);
            await Mediator.Send(new CancelAppointmentCommand(Appointment.Id, reason, Actor.Patient), ct);
            Notice = text["Your appointment is cancelled. Thank you for letting us know."];
            return RedirectToPage(new { token });
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                var field = error.PropertyName == "Reason" ? nameof(CancellationReason) : "";
                ModelState.AddModelError(field, PatientErrors.Describe(error, text));
            }
        }
        catch (ConflictException e)
        {
            Problem = PatientErrors.Describe(e.Message, text);
            await TryLoadAsync(token, ct);
        }

        return Page();
    }
}

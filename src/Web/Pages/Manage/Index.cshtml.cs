using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AppointmentSlices.Web.Pages.Manage;

/// <summary>The patient's own booking, through the private link given at booking: see it, cancel it, move it.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PrivateLinkPageModel(mediator, clock)
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

        if (!CanChange)
        {
            Problem = "This appointment can no longer be cancelled here. Please contact the clinic.";
            return Page();
        }

        try
        {
            var reason = TextRules.BlankToNull(CancellationReason);
            await Mediator.Send(new CancelAppointmentCommand(Appointment.Id, reason, Actor.Patient), ct);
            Notice = "Your appointment is cancelled. Thank you for letting us know.";
            return RedirectToPage(new { token });
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                var field = error.PropertyName == "Reason" ? nameof(CancellationReason) : "";
                ModelState.AddModelError(field, error.ErrorMessage);
            }
        }
        catch (ConflictException e)
        {
            Problem = e.Message;
            await TryLoadAsync(token, ct);
        }

        return Page();
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Book;

/// <summary>
/// What was booked. The address is shareable rather than secret, so the page shows nothing about the patient:
/// no name, contact details or reason.
/// </summary>
public sealed class ConfirmationModel(IMediator mediator) : PageModel
{
    public AppointmentDetails Appointment { get; private set; } = null!;

    public DateTimeOffset StartsAt => LocalTimes.In(Appointment.StartsAt, Appointment.TimeZone);

    public DateTimeOffset EndsAt => LocalTimes.In(Appointment.EndsAt, Appointment.TimeZone);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Appointment = await mediator.Send(new GetAppointmentQuery(id), ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}

using System.Text;
using AppointmentSlices.Features.AppointmentCalendar;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AppointmentSlices.Web.Pages.Manage;

/// <summary>The patient's appointment as an iCalendar file, the same one the API gives for the appointment.</summary>
public sealed class CalendarModel(IMediator mediator, TimeProvider clock) : PrivateLinkPageModel(mediator, clock)
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await TryLoadAsync(token, ct, readDoctor: false))
        {
            return NotFound();
        }

        var file = await Mediator.Send(new AppointmentCalendarQuery(Appointment.Id), ct);
        return File(Encoding.UTF8.GetBytes(file.Text), $"{CalendarFile.MediaType}; charset=utf-8", file.FileName);
    }
}

using AppointmentSlices.Features.BookAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AppointmentSlices.Web.Pages.Book;

/// <summary>
/// What was booked. The address is shareable rather than secret, so the page shows nothing about the patient:
/// no name, contact details or reason. Right after booking, and only then, it also shows the private link for
/// managing the booking, which travels from the booking form in TempData and is gone once shown.
/// </summary>
public sealed class ConfirmationModel(IMediator mediator) : PageModel
{
    private const string TokenKey = "ManageToken";
    private const string AppointmentKey = "ManageTokenFor";

    public AppointmentDetails Appointment { get; private set; } = null!;

    public DateTimeOffset StartsAt => LocalTimes.In(Appointment.StartsAt, Appointment.TimeZone);

    public DateTimeOffset EndsAt => LocalTimes.In(Appointment.EndsAt, Appointment.TimeZone);

    /// <summary>The absolute address of the patient's manage page; null unless the booking was just made.</summary>
    public string? ManageUrl { get; private set; }

    public string? CalendarUrl { get; private set; }

    /// <summary>Hands a fresh booking's manage token to the confirmation page that the booking redirects to.</summary>
    public static void KeepManageLinkFor(ITempDataDictionary tempData, Guid appointmentId, string manageToken)
    {
        tempData[TokenKey] = manageToken;
        tempData[AppointmentKey] = appointmentId;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Appointment = await mediator.Send(new GetAppointmentQuery(id), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (TempData[AppointmentKey] is Guid bookedId && bookedId == id && TempData[TokenKey] is string token)
        {
            ManageUrl = Url.Page("/Manage/Index", null, new { token }, Request.Scheme);
            CalendarUrl = Url.Page("/Manage/Calendar", new { token });
            Response.Headers.CacheControl = "no-store";
            Response.Headers["Referrer-Policy"] = "no-referrer";
        }

        return Page();
    }
}

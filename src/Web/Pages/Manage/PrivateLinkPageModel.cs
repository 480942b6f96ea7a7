using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.FindAppointmentByToken;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Features.GetDoctor;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Manage;

/// <summary>
/// A page behind the patient's private link. The token is the only key: it is never logged, never sent on to other
/// sites (no referrer), and the answers are not cached, since they show the patient's own reason for the visit.
/// </summary>
public abstract class PrivateLinkPageModel(IMediator mediator, TimeProvider clock) : PageModel
{
    /// <summary>What the patient reads when the doctor stopped taking bookings: no moving, cancelling still.</summary>
    public const string DoctorStopped =
        "The doctor no longer takes bookings, so this appointment can't be moved online. You can still cancel it, "
        + "or contact the clinic.";

    protected IMediator Mediator { get; } = mediator;

    protected TimeProvider Clock { get; } = clock;

    public AppointmentDetails Appointment { get; private set; } = null!;

    /// <summary>The link's token, for building the links and forms of the same booking.</summary>
    public string Token { get; private set; } = "";

    public DateTimeOffset StartsAt => LocalTimes.In(Appointment.StartsAt, Appointment.TimeZone);

    public DateTimeOffset EndsAt => LocalTimes.In(Appointment.EndsAt, Appointment.TimeZone);

    /// <summary>Only a scheduled appointment that has not started yet can still be cancelled or moved.</summary>
    public bool CanChange =>
        Appointment.Status == AppointmentStatus.Scheduled && Appointment.StartsAt > Clock.GetUtcNow();

    /// <summary>Whether the doctor still takes bookings: a doctor who stopped has no free slot to move to.</summary>
    public bool DoctorTakesBookings { get; private set; } = true;

    /// <summary>Moving needs a changeable appointment and a doctor who still takes bookings.</summary>
    public bool CanMove => CanChange && DoctorTakesBookings;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    /// <summary>Loads the link's appointment into <see cref="Appointment"/>; false when the link names none.</summary>
    /// <remarks>
    /// With <paramref name="readDoctor"/>, a page that offers a move also reads whether the doctor still takes
    /// bookings; only an appointment that can still change needs to know.
    /// </remarks>
    protected async Task<bool> TryLoadAsync(string token, CancellationToken ct, bool readDoctor = true)
    {
        try
        {
            Appointment = await Mediator.Send(new FindAppointmentByTokenQuery(token), ct);
            Token = token;
            DoctorTakesBookings = !readDoctor || !CanChange || await DoctorIsActiveAsync(Appointment.DoctorId, ct);
            return true;
        }
        catch (Exception e) when (e is NotFoundException or ValidationException)
        {
            // A malformed token is as unknown as a wrong one; the answer must not tell them apart.
            return false;
        }
    }

    private async Task<bool> DoctorIsActiveAsync(Guid doctorId, CancellationToken ct)
    {
        try
        {
            return (await Mediator.Send(new GetDoctorQuery(doctorId), ct)).IsActive;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.FindAppointmentByToken;
using AppointmentSlices.Features.GetAppointment;
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

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    /// <summary>Loads the link's appointment into <see cref="Appointment"/>; false when the link names none.</summary>
    protected async Task<bool> TryLoadAsync(string token, CancellationToken ct)
    {
        try
        {
            Appointment = await Mediator.Send(new FindAppointmentByTokenQuery(token), ct);
            Token = token;
            return true;
        }
        catch (Exception e) when (e is NotFoundException or ValidationException)
        {
            // A malformed token is as unknown as a wrong one; the answer must not tell them apart.
            return false;
        }
    }
}

using System.Text;
using AppointmentSlices.Features.AppointmentCalendar;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.DoctorCalendarFeed;

public sealed class DoctorCalendarFeedEndpoint : ICarterModule
{
    // Open like the other staff lists until the back office has sign-in: anyone with a doctor's id can read the
    // feed, patient names included.
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/doctors/{id:guid}/calendar.ics",
                async Task<ContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                {
                    var feed = await mediator.Send(new DoctorCalendarFeedQuery(id), ct);
                    return TypedResults.Text(feed.Text, CalendarFile.MediaType, Encoding.UTF8);
                }
            )
            .WithName("GetDoctorCalendarFeed")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Subscribe to a doctor's appointments as an iCalendar feed")
            .WithDescription(
                "Scheduled and completed appointments from 30 days ago to the booking horizon, one VEVENT each, "
                    + "on the doctor's wall clock (TZID and one VTIMEZONE of the doctor's zone)."
            )
            .Produces(StatusCodes.Status200OK, typeof(string), CalendarFile.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

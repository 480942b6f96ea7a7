using System.Text;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.AppointmentCalendar;

public sealed class AppointmentCalendarEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/appointments/{id:guid}/calendar.ics",
                async Task<FileContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new AppointmentCalendarQuery(id), ct)).AsDownload()
            )
            .WithName("GetAppointmentCalendar")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Appointments")
            .WithSummary("Download an appointment as an iCalendar file")
            .WithDescription(
                "One VEVENT on the doctor's wall clock (TZID and VTIMEZONE of the doctor's zone). "
                    + "STATUS:CANCELLED once cancelled; SEQUENCE grows with every change."
            )
            .Produces(StatusCodes.Status200OK, typeof(string), CalendarFile.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public static class CalendarResults
{
    /// <summary>The file as an attachment, so browsers hand it to the calendar app instead of showing text.</summary>
    public static FileContentHttpResult AsDownload(this CalendarFile file) =>
        TypedResults.File(Encoding.UTF8.GetBytes(file.Text), $"{CalendarFile.MediaType}; charset=utf-8", file.FileName);
}

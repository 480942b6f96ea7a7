using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.RescheduleAppointment;

/// <summary>The body of a move: the new start, with its offset.</summary>
public sealed record RescheduleAppointmentRequest(DateTimeOffset StartsAt);

public sealed class RescheduleAppointmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/appointments/{id:guid}/reschedule",
                async Task<Ok<AppointmentDetails>> (
                    Guid id,
                    RescheduleAppointmentRequest request,
                    HttpContext http,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new RescheduleAppointmentCommand(id, request.StartsAt, RequestActor.Of(http)),
                            ct
                        )
                    )
            )
            .WithName("RescheduleAppointment")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Appointments")
            .WithSummary("Move an appointment to another free slot")
            .WithDescription(
                "startsAt must be the start of one of the doctor's free slots, with its offset. The appointment must "
                    + "be scheduled and not started. It either moves or stays as it was; moving it to its own start "
                    + "changes nothing."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

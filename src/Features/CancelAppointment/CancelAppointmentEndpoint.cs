using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.CancelAppointment;

/// <summary>The body of a cancellation; it may be left out.</summary>
public sealed record CancelAppointmentRequest(string? Reason);

public sealed class CancelAppointmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/appointments/{id:guid}/cancel",
                async Task<Ok<AppointmentDetails>> (
                    Guid id,
                    CancelAppointmentRequest? request,
                    HttpContext http,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new CancelAppointmentCommand(id, request?.Reason, RequestActor.Of(http)),
                            ct
                        )
                    )
            )
            .WithName("CancelAppointment")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Appointments")
            .WithSummary("Cancel an appointment")
            .WithDescription(
                "Only a scheduled appointment that has not started can be cancelled; its slot is free again at once. "
                    + "The body { reason } is optional."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

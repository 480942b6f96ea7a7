using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.RecordOutcome;

/// <summary>The body of an outcome: "Completed" or "NoShow".</summary>
public sealed record RecordOutcomeRequest(string Outcome);

public sealed class RecordOutcomeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/appointments/{id:guid}/outcome",
                async Task<Ok<AppointmentDetails>> (
                    Guid id,
                    RecordOutcomeRequest request,
                    HttpContext http,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new RecordOutcomeCommand(id, request.Outcome, RequestActor.Of(http)), ct)
                    )
            )
            .WithName("RecordOutcome")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Appointments")
            .WithSummary("Record whether an appointment took place")
            .WithDescription(
                "outcome: Completed or NoShow. Only for a scheduled appointment that has started; an outcome is final."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

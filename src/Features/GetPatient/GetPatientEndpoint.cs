using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.GetPatient;

public sealed class GetPatientEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/patients/{id:guid}",
                async Task<Ok<PatientRecord>> (
                    Guid id,
                    int? limit,
                    string? cursor,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(new GetPatientQuery(id, limit, cursor), ct))
            )
            .WithName("GetPatient")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Patients")
            .WithSummary("Get a patient and their appointments")
            .WithDescription(
                "The patient's details and their appointments, newest first. limit (1 to 100, default 20) and "
                    + "cursor page the appointments: pass appointments.nextCursor back as cursor for older ones."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

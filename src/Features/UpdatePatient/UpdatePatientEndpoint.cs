using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.UpdatePatient;

public sealed class UpdatePatientEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(
                "/api/patients/{id:guid}",
                async Task<Ok<PatientDetails>> (
                    Guid id,
                    PatientChanges changes,
                    HttpContext http,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                {
                    var command = new UpdatePatientCommand(
                        id,
                        changes.FullName,
                        changes.Email,
                        changes.Phone,
                        RequestActor.Of(http)
                    );
                    return TypedResults.Ok(await mediator.Send(command, ct));
                }
            )
            .WithName("UpdatePatient")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Patients")
            .WithSummary("Change a patient's details")
            .WithDescription(
                "Replaces fullName, email and phone. 409 /problems/email-taken when another patient has the email; "
                    + "409 /problems/status-conflict when the patient has been erased."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

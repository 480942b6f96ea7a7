using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.RegisterPatient;

public sealed class RegisterPatientEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/patients",
                async Task<Created<PatientDetails>> (
                    RegisterPatientCommand command,
                    HttpContext http,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                {
                    var patient = await mediator.Send(command with { Actor = RequestActor.Of(http) }, ct);
                    return TypedResults.Created($"/api/patients/{patient.Id}", patient);
                }
            )
            .WithName("RegisterPatient")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Patients")
            .WithSummary("Register a patient")
            .WithDescription(
                "fullName (1 to 200 characters), email (unique whatever its letter case) and phone. "
                    + "409 /problems/email-taken when another patient has the email."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}

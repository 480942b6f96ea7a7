using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.CreateDoctor;

public sealed class CreateDoctorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/doctors",
                async Task<Created<DoctorDetails>> (
                    CreateDoctorCommand command,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                {
                    var doctor = await mediator.Send(command, ct);
                    return TypedResults.Created($"/api/doctors/{doctor.Id}", doctor);
                }
            )
            .WithName("CreateDoctor")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Add a doctor")
            .WithDescription(
                "timeZone: an IANA zone id such as Europe/Madrid. slotMinutes: 5 to 240, a multiple of 5. "
                    + "workingHours (optional): "
                    + "the week as [{ day: \"Monday\", starts: \"09:00\", ends: \"14:00\" }], several intervals a day, "
                    + "wall-clock times on 5-minute steps in the doctor's zone; \"24:00\" ends at midnight."
            )
            .ProducesValidationProblem();
}

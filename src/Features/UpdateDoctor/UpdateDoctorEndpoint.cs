using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.UpdateDoctor;

public sealed class UpdateDoctorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(
                "/api/doctors/{id:guid}",
                async Task<Ok<UpdatedDoctor>> (
                    Guid id,
                    UpdateDoctorCommand command,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(command with { DoctorId = id }, ct))
            )
            .WithName("UpdateDoctor")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Change a doctor's name, specialty, time zone or slot length")
            .WithDescription(
                "A new time zone or slot length moves the doctor's grid. Future booked appointments that would fall "
                    + "off it are refused with 409 /problems/appointments-affected listing them in "
                    + "affectedAppointments, and nothing changes; send confirm: true to apply anyway. The answer lists "
                    + "them too; they stay Scheduled for staff to cancel or reschedule."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.DeactivateDoctor;

public sealed class DeactivateDoctorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/doctors/{id:guid}/deactivate",
                async Task<Ok<DoctorDeactivated>> (Guid id, bool? confirm, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new DeactivateDoctorCommand(id, confirm ?? false), ct))
            )
            .WithName("DeactivateDoctor")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Stop a doctor taking bookings")
            .WithDescription(
                "The doctor leaves the doctor search and their slots; the record and its history stay. With future "
                    + "booked appointments the answer is 409 /problems/appointments-affected listing them in "
                    + "affectedAppointments, and nothing changes; ?confirm=true deactivates anyway and lists them. "
                    + "They stay Scheduled for staff to cancel or reschedule."
            )
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

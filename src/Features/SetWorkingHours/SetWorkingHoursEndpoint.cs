using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.SetWorkingHours;

public sealed class SetWorkingHoursEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(
                "/api/doctors/{id:guid}/working-hours",
                async Task<Ok<WorkingHoursSet>> (
                    Guid id,
                    SetWorkingHoursCommand command,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(command with { DoctorId = id }, ct))
            )
            .WithName("SetWorkingHours")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Replace a doctor's weekly working hours")
            .WithDescription(
                "workingHours: the whole week as [{ day: \"Monday\", starts: \"09:00\", ends: \"14:00\" }], several "
                    + "intervals a day that may touch but not overlap; wall-clock \"HH:mm\" on 5-minute steps in the "
                    + "doctor's zone, "
                    + "\"24:00\" ends at midnight. Future booked appointments that would fall off the new grid are "
                    + "refused with 409 /problems/appointments-affected listing them in affectedAppointments, and "
                    + "nothing changes; send confirm: true to apply anyway. The answer lists them too."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.AddTimeOff;

public sealed class AddTimeOffEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/doctors/{id:guid}/time-off",
                async Task<Created<AddedTimeOff>> (
                    Guid id,
                    AddTimeOffCommand command,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                {
                    var timeOff = await mediator.Send(command with { DoctorId = id }, ct);
                    return TypedResults.Created($"/api/doctors/{id}/time-off/{timeOff.Id}", timeOff);
                }
            )
            .WithName("AddTimeOff")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Add time off (leave, a holiday) for a doctor")
            .WithDescription(
                "starts and ends (exclusive): wall-clock \"yyyy-MM-ddTHH:mm\" in the doctor's zone, no offset. "
                    + "Future booked appointments it covers are refused with 409 /problems/appointments-affected "
                    + "listing them in affectedAppointments, and nothing changes; send confirm: true to add it "
                    + "anyway. The answer lists them too."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.ListTimeOff;

public sealed class ListTimeOffEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/doctors/{id:guid}/time-off",
                async Task<Ok<Page<TimeOffItem>>> (
                    Guid id,
                    string? from,
                    string? to,
                    int? limit,
                    string? cursor,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(new ListTimeOffQuery(id, from, to, limit, cursor), ct))
            )
            .WithName("ListTimeOff")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("List a doctor's time off")
            .WithDescription(
                "from/to: calendar dates in the doctor's zone, both inclusive; without from, from today; without to, "
                    + "all later time off. Ordered by start; limit 1 to 100 (default 100), pass nextCursor back as "
                    + "cursor for the next page."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

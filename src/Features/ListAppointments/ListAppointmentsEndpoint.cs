using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.ListAppointments;

public sealed class ListAppointmentsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/appointments",
                async Task<Ok<Page<AppointmentListItem>>> (
                    [AsParameters] ListAppointmentsQuery query,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(query, ct))
            )
            .WithName("ListAppointments")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Appointments")
            .WithSummary("List appointments")
            .WithDescription(
                "Filter by doctorId, patientId, status (Scheduled, Cancelled, Completed, NoShow) and a window on the "
                    + "start: from/to are dates in UTC (to inclusive) or instants with an offset (to exclusive). "
                    + "Ordered by start, then id; pass nextCursor back as cursor for the next page. "
                    + "limit: 1 to 100, default 20."
            )
            .ProducesValidationProblem();
}

using System.Security.Claims;
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
                async Task<Results<Ok<Page<AppointmentListItem>>, ForbidHttpResult>> (
                    [AsParameters] ListAppointmentsQuery query,
                    ClaimsPrincipal user,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                    AppointmentAccess.TryScopeList(user, query.DoctorId, out var doctorId)
                        ? TypedResults.Ok(await mediator.Send(query with { DoctorId = doctorId }, ct))
                        : TypedResults.Forbid()
            )
            .WithName("ListAppointments")
            .RequireAuthorization(StaffPolicies.Agenda)
            .WithTags("Appointments")
            .WithSummary("List appointments")
            .WithDescription(
                "Filter by doctorId, patientId, status (Scheduled, Cancelled, Completed, NoShow) and a window on the "
                    + "start: from/to are dates in UTC (to inclusive) or instants with an offset (to exclusive). "
                    + "Ordered by start, then id; pass nextCursor back as cursor for the next page. "
                    + "limit: 1 to 100, default 20. A doctor lists only their own appointments."
            )
            .ProducesValidationProblem();
}

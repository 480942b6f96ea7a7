using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.GetAuditLog;

public sealed class GetAuditLogEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/audit",
                async Task<Ok<Page<AuditLogEntry>>> (
                    string? entity,
                    Guid? entityId,
                    int? limit,
                    string? cursor,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(new GetAuditLogQuery(entity, entityId, limit, cursor), ct))
            )
            .WithName("GetAuditLog")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Audit")
            .WithSummary("Read the audit log")
            .WithDescription(
                "Who changed what on appointments and patients, newest first: actor, entity, entityId, action and "
                    + "the names of the changed fields (never their values). entity: appointment or patient; "
                    + "limit 1 to 100 (default 20), pass nextCursor back as cursor for the next page."
            )
            .ProducesValidationProblem();
}

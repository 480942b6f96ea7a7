using System.Security.Claims;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace AppointmentSlices.Features.GetAppointmentHistory;

/// <summary>Every change of an appointment, oldest first: what it became, who did it and when.</summary>
public sealed record GetAppointmentHistoryQuery(Guid AppointmentId) : IQuery<IReadOnlyList<AppointmentEvent>>;

/// <summary>
/// One change. <c>Kind</c>: Booked, Cancelled, Rescheduled, Completed or NoShow; <c>Status</c> and the times are
/// the appointment's after it; <c>Actor</c>: patient, staff, api or system. Times carry the doctor's offset.
/// </summary>
public sealed record AppointmentEvent(
    DateTimeOffset OccurredAt,
    string Kind,
    string Status,
    string Actor,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Note
);

internal sealed class GetAppointmentHistoryHandler(IGetAppointmentHistoryStore store)
    : IQueryHandler<GetAppointmentHistoryQuery, IReadOnlyList<AppointmentEvent>>
{
    public async ValueTask<IReadOnlyList<AppointmentEvent>> Handle(
        GetAppointmentHistoryQuery query,
        CancellationToken ct
    ) =>
        await store.FindAsync(query.AppointmentId, ct)
        ?? throw new NotFoundException("appointment", query.AppointmentId);
}

internal interface IGetAppointmentHistoryStore
{
    /// <summary>The appointment's events, oldest first; null when there is no such appointment.</summary>
    Task<IReadOnlyList<AppointmentEvent>?> FindAsync(Guid appointmentId, CancellationToken ct);
}

internal sealed class PostgresGetAppointmentHistoryStore(NpgsqlDataSource db)
    : IGetAppointmentHistoryStore,
        IPostgresStore
{
    private const string Sql = """
        SELECT d.time_zone
        FROM appointments a
        JOIN doctors d ON d.id = a.doctor_id
        WHERE a.id = @appointmentId;

        SELECT occurred_at AS OccurredAt, kind AS Kind, status AS Status, actor AS Actor,
               starts_at AS StartsAt, ends_at AS EndsAt, note AS Note
        FROM appointment_events
        WHERE appointment_id = @appointmentId
        ORDER BY occurred_at, id;
        """;

    public async Task<IReadOnlyList<AppointmentEvent>?> FindAsync(Guid appointmentId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(Sql, new { appointmentId }, cancellationToken: ct)
        );
        var timeZone = await results.ReadSingleOrDefaultAsync<string>();
        if (timeZone is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        DateTimeOffset Local(DateTime instant) => TimeZoneInfo.ConvertTime(new DateTimeOffset(instant), zone);
        return (await results.ReadAsync<Row>())
            .Select(r => new AppointmentEvent(
                Local(r.OccurredAt),
                r.Kind,
                r.Status,
                r.Actor,
                Local(r.StartsAt),
                Local(r.EndsAt),
                r.Note
            ))
            .ToList();
    }

    private sealed record Row(
        DateTime OccurredAt,
        string Kind,
        string Status,
        string Actor,
        DateTime StartsAt,
        DateTime EndsAt,
        string? Note
    );
}

public sealed class GetAppointmentHistoryEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/appointments/{id:guid}/history",
                async Task<Results<Ok<IReadOnlyList<AppointmentEvent>>, ForbidHttpResult>> (
                    Guid id,
                    ClaimsPrincipal user,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                    await AppointmentAccess.MayReadAppointmentAsync(user, id, mediator, ct)
                        ? TypedResults.Ok(await mediator.Send(new GetAppointmentHistoryQuery(id), ct))
                        : TypedResults.Forbid()
            )
            .WithName("GetAppointmentHistory")
            .RequireAuthorization(StaffPolicies.Agenda)
            .WithTags("Appointments")
            .WithSummary("Get an appointment's history")
            .WithDescription("Every status change and move, oldest first, with who made it (actor) and when.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

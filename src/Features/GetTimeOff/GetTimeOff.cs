using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ListTimeOff;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Features.Staff;
using Carter;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace AppointmentSlices.Features.GetTimeOff;

/// <summary>One of a doctor's time off entries.</summary>
public sealed record GetTimeOffQuery(Guid DoctorId, Guid TimeOffId) : IQuery<TimeOffItem>;

internal sealed class GetTimeOffHandler(IGetTimeOffStore store) : IQueryHandler<GetTimeOffQuery, TimeOffItem>
{
    public async ValueTask<TimeOffItem> Handle(GetTimeOffQuery query, CancellationToken ct) =>
        await store.FindAsync(query.DoctorId, query.TimeOffId, ct)
        ?? throw new NotFoundException("time off", query.TimeOffId);
}

internal interface IGetTimeOffStore
{
    Task<TimeOffItem?> FindAsync(Guid doctorId, Guid timeOffId, CancellationToken ct);
}

internal sealed class PostgresGetTimeOffStore(NpgsqlDataSource db) : IGetTimeOffStore, IPostgresStore
{
    private const string Sql = """
        SELECT t.id AS Id, t.starts_at AS Starts, t.ends_at AS Ends, t.reason AS Reason, d.time_zone AS TimeZone
        FROM time_off t
        JOIN doctors d ON d.id = t.doctor_id
        WHERE t.id = @timeOffId AND t.doctor_id = @doctorId
        """;

    public async Task<TimeOffItem?> FindAsync(Guid doctorId, Guid timeOffId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { doctorId, timeOffId }, cancellationToken: ct)
        );
        return row is null
            ? null
            : new TimeOffItem(
                row.Id,
                doctorId,
                WallClock.FormatDateTime(row.Starts),
                WallClock.FormatDateTime(row.Ends),
                row.Reason,
                row.TimeZone
            );
    }

    private sealed record Row(Guid Id, DateTime Starts, DateTime Ends, string? Reason, string TimeZone);
}

public sealed class GetTimeOffEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/doctors/{id:guid}/time-off/{timeOffId:guid}",
                async Task<Ok<TimeOffItem>> (Guid id, Guid timeOffId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetTimeOffQuery(id, timeOffId), ct))
            )
            .WithName("GetTimeOff")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Get one of a doctor's time off entries")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

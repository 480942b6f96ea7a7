using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.ListTimeOff;

internal sealed record TimeOffRow(Guid Id, DateTime Starts, DateTime Ends, string? Reason);

internal interface IListTimeOffStore
{
    /// <summary>The doctor's IANA zone, or null for an unknown doctor.</summary>
    Task<string?> TimeZoneOfAsync(Guid doctorId, CancellationToken ct);

    /// <summary>Time off overlapping [from, to) in wall-clock time, by start then id, after the keyset.</summary>
    Task<IReadOnlyList<TimeOffRow>> ListAsync(
        Guid doctorId,
        DateTime from,
        DateTime? to,
        (DateTime Starts, Guid Id)? after,
        int take,
        CancellationToken ct
    );
}

internal sealed class PostgresListTimeOffStore(NpgsqlDataSource db) : IListTimeOffStore, IPostgresStore
{
    private const string TimeZoneSql = "SELECT time_zone FROM doctors WHERE id = @doctorId";

    private const string ListSql = """
        SELECT id AS Id, starts_at AS Starts, ends_at AS Ends, reason AS Reason
        FROM time_off
        WHERE doctor_id = @doctorId
          AND ends_at > @from
          AND (@to::timestamp IS NULL OR starts_at < @to)
          AND (@afterStarts::timestamp IS NULL OR (starts_at, id) > (@afterStarts, @afterId))
        ORDER BY starts_at, id
        LIMIT @take
        """;

    public async Task<string?> TimeZoneOfAsync(Guid doctorId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(
            new CommandDefinition(TimeZoneSql, new { doctorId }, cancellationToken: ct)
        );
    }

    public async Task<IReadOnlyList<TimeOffRow>> ListAsync(
        Guid doctorId,
        DateTime from,
        DateTime? to,
        (DateTime Starts, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            doctorId,
            from,
            to,
            afterStarts = after?.Starts,
            afterId = after?.Id ?? Guid.Empty,
            take,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<TimeOffRow>(
            new CommandDefinition(ListSql, parameters, cancellationToken: ct)
        );
        return rows.ToList();
    }
}

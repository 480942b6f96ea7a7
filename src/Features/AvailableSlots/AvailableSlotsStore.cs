using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.AvailableSlots;

internal interface IAvailableSlotsStore
{
    /// <summary>The intervals the doctor's active appointments occupy in [from, to).</summary>
    Task<IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)>> BusyAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    );
}

internal sealed class PostgresAvailableSlotsStore(NpgsqlDataSource db) : IAvailableSlotsStore, IPostgresStore
{
    // Written as the exclusion constraint's own expression, so its GiST index answers it.
    private const string Sql = """
        SELECT starts_at AS Starts, ends_at AS Ends
        FROM appointments
        WHERE doctor_id = @doctorId
          AND status <> 'Cancelled'
          AND tstzrange(starts_at, ends_at) && tstzrange(@from, @to)
        ORDER BY starts_at
        """;

    public async Task<IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)>> BusyAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            doctorId,
            from = from.UtcDateTime,
            to = to.UtcDateTime,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, parameters, cancellationToken: ct));
        return rows.Select(r => (new DateTimeOffset(r.Starts), new DateTimeOffset(r.Ends))).ToList();
    }

    private sealed record Row(DateTime Starts, DateTime Ends);
}

using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.RecordOutcome;

internal interface IRecordOutcomeStore
{
    /// <summary>
    /// Sets the outcome and records it, if the appointment is still scheduled and has started at
    /// <paramref name="now"/>; false when it is not (or does not exist).
    /// </summary>
    Task<bool> RecordAsync(Guid appointmentId, string outcome, Actor actor, DateTimeOffset now, CancellationToken ct);
}

internal sealed class PostgresRecordOutcomeStore(NpgsqlDataSource db) : IRecordOutcomeStore, IPostgresStore
{
    private const string RecordSql = """
        UPDATE appointments
        SET status = @outcome, updated_at = @now
        WHERE id = @appointmentId AND status = 'Scheduled' AND starts_at <= @now
        RETURNING starts_at AS StartsAt, ends_at AS EndsAt
        """;

    public async Task<bool> RecordAsync(
        Guid appointmentId,
        string outcome,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var parameters = new
        {
            appointmentId,
            outcome,
            now = now.UtcDateTime,
        };
        var slot = await connection.QuerySingleOrDefaultAsync<Slot>(
            new CommandDefinition(RecordSql, parameters, transaction, cancellationToken: ct)
        );
        if (slot is null)
        {
            return false;
        }

        var change = new AppointmentChange(
            appointmentId,
            outcome,
            outcome,
            actor,
            new DateTimeOffset(slot.StartsAt),
            new DateTimeOffset(slot.EndsAt),
            null,
            now
        );
        await AppointmentHistory.RecordAsync(connection, transaction, change, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed record Slot(DateTime StartsAt, DateTime EndsAt);
}

using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.CancelAppointment;

internal interface ICancelAppointmentStore
{
    /// <summary>
    /// Cancels the appointment and records it, if it is still scheduled and has not started at <paramref name="now"/>;
    /// false when it is not (or does not exist).
    /// </summary>
    Task<bool> CancelAsync(Guid appointmentId, string? reason, Actor actor, DateTimeOffset now, CancellationToken ct);
}

internal sealed class PostgresCancelAppointmentStore(NpgsqlDataSource db) : ICancelAppointmentStore, IPostgresStore
{
    // The guard makes a concurrent cancel, move or outcome either wait and fail it, or wait and see it.
    private const string CancelSql = """
        UPDATE appointments
        SET status = 'Cancelled', cancellation_reason = @reason, updated_at = @now
        WHERE id = @appointmentId AND status = 'Scheduled' AND starts_at > @now
        RETURNING starts_at AS StartsAt, ends_at AS EndsAt
        """;

    public async Task<bool> CancelAsync(
        Guid appointmentId,
        string? reason,
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
            reason,
            now = now.UtcDateTime,
        };
        var slot = await connection.QuerySingleOrDefaultAsync<Slot>(
            new CommandDefinition(CancelSql, parameters, transaction, cancellationToken: ct)
        );
        if (slot is null)
        {
            return false;
        }

        var change = new AppointmentChange(
            appointmentId,
            AppointmentStatus.Cancelled,
            AppointmentStatus.Cancelled,
            actor,
            new DateTimeOffset(slot.StartsAt),
            new DateTimeOffset(slot.EndsAt),
            reason,
            now
        );
        await AppointmentHistory.RecordAsync(connection, transaction, change, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed record Slot(DateTime StartsAt, DateTime EndsAt);
}

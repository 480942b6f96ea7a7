using AppointmentSlices.Features.Common;
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

    public Task<bool> RecordAsync(
        Guid appointmentId,
        string outcome,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            appointmentId,
            outcome,
            now = now.UtcDateTime,
        };
        return AppointmentHistory.ChangeStatusAsync(
            db,
            RecordSql,
            parameters,
            appointmentId,
            outcome,
            actor,
            null,
            now,
            ct
        );
    }
}

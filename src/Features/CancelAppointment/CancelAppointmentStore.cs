using AppointmentSlices.Features.Common;
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

    public Task<bool> CancelAsync(
        Guid appointmentId,
        string? reason,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            appointmentId,
            reason,
            now = now.UtcDateTime,
        };
        return AppointmentHistory.ChangeStatusAsync(
            db,
            CancelSql,
            parameters,
            appointmentId,
            AppointmentStatus.Cancelled,
            actor,
            reason,
            now,
            ct
        );
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.RescheduleAppointment;

internal sealed record AppointmentMove(
    Guid AppointmentId,
    Guid DoctorId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt
);

internal interface IRescheduleAppointmentStore
{
    /// <summary>
    /// Moves the appointment and records it, if it is still scheduled and has not started at <paramref name="now"/>;
    /// false when it is not. Nothing changes when it fails.
    /// </summary>
    /// <exception cref="ConflictException">The new slot, or the patient's time then, is taken.</exception>
    Task<bool> MoveAsync(AppointmentMove move, Actor actor, DateTimeOffset now, CancellationToken ct);
}

internal sealed class PostgresRescheduleAppointmentStore(NpgsqlDataSource db)
    : IRescheduleAppointmentStore,
        IPostgresStore
{
    // One statement: the exclusion constraints refuse a taken slot, and the guard a cancel or outcome that came first.
    private const string MoveSql = """
        UPDATE appointments
        SET starts_at = @startsAt, ends_at = @endsAt, updated_at = @now
        WHERE id = @appointmentId AND status = 'Scheduled' AND starts_at > @now
        """;

    public async Task<bool> MoveAsync(AppointmentMove move, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await BookableStart.CheckStillBookableAsync(connection, transaction, move.DoctorId, move.StartsAt, ct);
        var parameters = new
        {
            move.AppointmentId,
            StartsAt = move.StartsAt.UtcDateTime,
            EndsAt = move.EndsAt.UtcDateTime,
            Now = now.UtcDateTime,
        };

        try
        {
            var moved = await connection.ExecuteAsync(
                new CommandDefinition(MoveSql, parameters, transaction, cancellationToken: ct)
            );
            if (moved == 0)
            {
                return false;
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            throw await AppointmentConflicts.OverlapAsync(
                transaction,
                e,
                move.AppointmentId,
                null,
                move.StartsAt,
                move.EndsAt,
                ct
            );
        }

        var change = new AppointmentChange(
            move.AppointmentId,
            AppointmentHistory.Rescheduled,
            AppointmentStatus.Scheduled,
            actor,
            move.StartsAt,
            move.EndsAt,
            null,
            now
        );
        await AppointmentHistory.RecordAsync(connection, transaction, change, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

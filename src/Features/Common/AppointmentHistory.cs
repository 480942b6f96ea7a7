using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.Common;

/// <summary>One change of an appointment, as its history records it: what it became, who did it and when.</summary>
internal sealed record AppointmentChange(
    Guid AppointmentId,
    string Kind,
    string Status,
    Actor Actor,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Note,
    DateTimeOffset OccurredAt
);

internal static class AppointmentHistory
{
    public const string Booked = "Booked";
    public const string Rescheduled = "Rescheduled";

    // Run after the change itself, in its transaction: the appointment's row lock orders its changes, and this
    // statement sees the event of the change before. An event is never dated before that one, even when two
    // hosts' clocks differ or a test clock stands still, so the history reads in the order things happened.
    private const string InsertSql = """
        INSERT INTO appointment_events
            (id, appointment_id, occurred_at, kind, status, actor, starts_at, ends_at, note)
        SELECT @Id, @AppointmentId, GREATEST(@OccurredAt, max(occurred_at) + interval '1 microsecond'),
               @Kind, @Status, @Actor, @StartsAt, @EndsAt, @Note
        FROM appointment_events
        WHERE appointment_id = @AppointmentId
        """;

    /// <summary>Records the change in the appointment's history and, beside it, in the audit log.</summary>
    /// <summary>
    /// Runs a status change guarded in its SQL (an UPDATE that returns the slot's starts_at and ends_at, or no row
    /// when the guard refuses) and records it in the history, in one transaction. False when the guard refused.
    /// </summary>
    public static async Task<bool> ChangeStatusAsync(
        NpgsqlDataSource db,
        string guardedUpdateSql,
        object parameters,
        Guid appointmentId,
        string newStatus,
        Actor actor,
        string? note,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var slot = await connection.QuerySingleOrDefaultAsync<ChangedSlot>(
            new CommandDefinition(guardedUpdateSql, parameters, transaction, cancellationToken: ct)
        );
        if (slot is null)
        {
            return false;
        }

        var change = new AppointmentChange(
            appointmentId,
            newStatus,
            newStatus,
            actor,
            new DateTimeOffset(slot.StartsAt),
            new DateTimeOffset(slot.EndsAt),
            note,
            now
        );
        await RecordAsync(connection, transaction, change, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed record ChangedSlot(DateTime StartsAt, DateTime EndsAt);

    public static async Task RecordAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        AppointmentChange change,
        CancellationToken ct
    )
    {
        var row = new
        {
            Id = Guid.CreateVersion7(),
            change.AppointmentId,
            OccurredAt = change.OccurredAt.UtcDateTime,
            change.Kind,
            change.Status,
            Actor = change.Actor.Value,
            StartsAt = change.StartsAt.UtcDateTime,
            EndsAt = change.EndsAt.UtcDateTime,
            change.Note,
        };
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction, cancellationToken: ct));
        var audit = new AuditEntry(
            AuditLog.Appointment,
            change.AppointmentId,
            change.Kind,
            change.Actor,
            AuditLog.AppointmentFieldsChangedBy(change.Kind, change.Note),
            change.OccurredAt
        );
        await AuditLog.RecordAsync(connection, transaction, audit, ct);
    }
}

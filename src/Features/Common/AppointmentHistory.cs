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

    // A booking's event is its appointment's first: nothing before it to look up.
    private const string InsertFirstSql = """
        INSERT INTO appointment_events
            (id, appointment_id, occurred_at, kind, status, actor, starts_at, ends_at, note)
        VALUES (@Id, @AppointmentId, @OccurredAt, @Kind, @Status, @Actor, @StartsAt, @EndsAt, @Note)
        """;

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

    public static Task RecordAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        AppointmentChange change,
        CancellationToken ct
    ) => Batches.ExecuteAsync(connection, transaction, Commands(change), ct);

    /// <summary>
    /// The change's event and its audit entry as inserts, to send in one round trip after the change itself, or in
    /// the same one when it is an insert too.
    /// </summary>
    public static NpgsqlBatchCommand[] Commands(AppointmentChange change)
    {
        var recorded = new NpgsqlBatchCommand(change.Kind == Booked ? InsertFirstSql : InsertSql)
        {
            Parameters =
            {
                new("Id", Guid.CreateVersion7()),
                new("AppointmentId", change.AppointmentId),
                new("OccurredAt", change.OccurredAt.UtcDateTime),
                new("Kind", change.Kind),
                new("Status", change.Status),
                new("Actor", change.Actor.Value),
                new("StartsAt", change.StartsAt.UtcDateTime),
                new("EndsAt", change.EndsAt.UtcDateTime),
                new("Note", (object?)change.Note ?? DBNull.Value),
            },
        };
        var audit = new AuditEntry(
            AuditLog.Appointment,
            change.AppointmentId,
            change.Kind,
            change.Actor,
            AuditLog.AppointmentFieldsChangedBy(change.Kind, change.Note),
            change.OccurredAt
        );
        return [recorded, AuditLog.Command(audit)];
    }
}

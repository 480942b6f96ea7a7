using Npgsql;

namespace AppointmentSlices.Features.Common;

/// <summary>One change to an appointment or a patient: who made it, and the names of the fields it changed.</summary>
internal sealed record AuditEntry(
    string Entity,
    Guid EntityId,
    string Action,
    Actor Actor,
    IReadOnlyList<string> ChangedFields,
    DateTimeOffset OccurredAt
);

/// <summary>
/// Writes the audit log, always in the transaction of the change it records. It holds field names, never values.
/// </summary>
internal static class AuditLog
{
    public const string Appointment = "appointment";
    public const string Patient = "patient";

    public static readonly string[] PatientFields = ["fullName", "email", "phone"];

    private const string InsertSql = """
        INSERT INTO audit_log (id, occurred_at, actor, entity, entity_id, action, changed_fields)
        VALUES (@Id, @OccurredAt, @Actor, @Entity, @EntityId, @Action, @ChangedFields)
        """;

    public static Task RecordAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        AuditEntry entry,
        CancellationToken ct
    ) => Batches.ExecuteAsync(connection, transaction, [Command(entry)], ct);

    /// <summary>The entry's insert, to send in one round trip with the change it records.</summary>
    public static NpgsqlBatchCommand Command(AuditEntry entry) =>
        new(InsertSql)
        {
            Parameters =
            {
                new("Id", Guid.CreateVersion7()),
                new("OccurredAt", entry.OccurredAt.UtcDateTime),
                new("Actor", entry.Actor.Value),
                new("Entity", entry.Entity),
                new("EntityId", entry.EntityId),
                new("Action", entry.Action),
                new("ChangedFields", entry.ChangedFields.ToArray()),
            },
        };

    /// <summary>The fields of an appointment that a change of this kind (as its history names it) touches.</summary>
    public static string[] AppointmentFieldsChangedBy(string kind, string? note) =>
        kind switch
        {
            AppointmentHistory.Booked => ["doctorId", "patientId", "startsAt", "endsAt", "status", "reason"],
            AppointmentHistory.Rescheduled => ["startsAt", "endsAt"],
            "Cancelled" when note is not null => ["status", "cancellationReason"],
            _ => ["status"],
        };
}

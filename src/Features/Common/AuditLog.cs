using Dapper;
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
    )
    {
        var row = new
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = entry.OccurredAt.UtcDateTime,
            Actor = entry.Actor.Value,
            entry.Entity,
            entry.EntityId,
            entry.Action,
            ChangedFields = entry.ChangedFields.ToArray(),
        };
        return connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction, cancellationToken: ct));
    }

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

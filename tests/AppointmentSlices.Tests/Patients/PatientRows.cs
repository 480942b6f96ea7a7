using Dapper;
using Npgsql;

namespace AppointmentSlices.Tests.Patients;

/// <summary>A patient's appointments put straight into the database (booking refuses the past) and read back.</summary>
internal sealed class PatientRows(NpgsqlDataSource db)
{
    private const string InsertAppointmentSql = """
        INSERT INTO appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason, cancellation_reason)
        VALUES (@id, @doctorId, @patientId, @startsAt, @endsAt, @status, @reason, @cancellationReason)
        """;

    private const string AppointmentSql = """
        SELECT status AS Status, reason AS Reason, cancellation_reason AS CancellationReason,
               manage_token_hash AS ManageTokenHash
        FROM appointments WHERE id = @id
        """;

    private const string EventsSql = """
        SELECT kind AS Kind, status AS Status, actor AS Actor, note AS Note
        FROM appointment_events WHERE appointment_id = @id ORDER BY occurred_at, id
        """;

    private const string PatientSql = """
        SELECT full_name AS FullName, email AS Email, phone AS Phone, erased_at AS ErasedAt, updated_at AS UpdatedAt
        FROM patients WHERE id = @id
        """;

    public async Task<Guid> AddAppointmentAsync(
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        string status = "Scheduled",
        string reason = "Dolor de cabeza",
        string? cancellationReason = null
    )
    {
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            InsertAppointmentSql,
            new
            {
                id,
                doctorId,
                patientId,
                startsAt = startsAt.UtcDateTime,
                endsAt = startsAt.AddMinutes(30).UtcDateTime,
                status,
                reason,
                cancellationReason,
            }
        );
        return id;
    }

    public async Task<AppointmentRow> AppointmentAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<AppointmentRow>(AppointmentSql, new { id });
    }

    public async Task<IReadOnlyList<EventRow>> EventsAsync(Guid appointmentId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<EventRow>(EventsSql, new { id = appointmentId })).ToList();
    }

    public async Task<PatientRow> PatientAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<PatientRow>(PatientSql, new { id });
    }

    internal sealed record AppointmentRow(
        string Status,
        string Reason,
        string? CancellationReason,
        byte[]? ManageTokenHash
    );

    internal sealed record EventRow(string Kind, string Status, string Actor, string? Note);

    internal sealed record PatientRow(
        string FullName,
        string Email,
        string Phone,
        DateTime? ErasedAt,
        DateTime UpdatedAt
    );
}

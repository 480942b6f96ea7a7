using Dapper;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class PostgresClinicData
{
    private const string InsertPatientAppointmentSql = """
        INSERT INTO appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason, cancellation_reason)
        VALUES (@id, @doctorId, @patientId, @startsAt, @endsAt, @status, @reason, @cancellationReason)
        """;

    private const string AppointmentTextSql = """
        SELECT status AS Status, reason AS Reason, cancellation_reason AS CancellationReason,
               manage_token_hash AS ManageTokenHash
        FROM appointments WHERE id = @id
        """;

    private const string PatientSql = """
        SELECT full_name AS FullName, email AS Email, phone AS Phone, erased_at AS ErasedAt, updated_at AS UpdatedAt
        FROM patients WHERE id = @id
        """;

    public override async Task<Guid> InsertPatientAppointmentAsync(
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        string status,
        string reason,
        string? cancellationReason
    )
    {
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            InsertPatientAppointmentSql,
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

    public override async Task<StoredAppointmentText> ReadAppointmentTextAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<StoredAppointmentText>(AppointmentTextSql, new { id });
    }

    public override async Task<StoredPatient> ReadPatientAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<StoredPatient>(PatientSql, new { id });
    }

    public override Task LockStaffUntilAsync(string email, DateTimeOffset until) =>
        StaffExecuteAsync("UPDATE staff_users SET locked_until = @until WHERE email = @email", new { until, email });

    public override Task SetStaffRoleAsync(string email, string role) =>
        StaffExecuteAsync("UPDATE staff_users SET role = @role WHERE email = @email", new { role, email });

    public override Task DeleteStaffAsync(string email) =>
        StaffExecuteAsync("DELETE FROM staff_users WHERE email = @email", new { email });

    public override async Task<IReadOnlyDictionary<string, long>> CountAllAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        var tables = await connection.QueryAsync<string>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schemaversions'"
        );
        var sql = string.Join(
            " UNION ALL ",
            tables.Select(t => $"SELECT '{t}' AS Name, count(*) AS Count FROM public.\"{t}\"")
        );
        var counts = await connection.QueryAsync<(string Name, long Count)>(sql);
        return counts.ToDictionary(c => c.Name, c => c.Count);
    }

    public override async Task<IReadOnlyList<Guid>> AppointmentIdsAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>("SELECT id FROM appointments")).ToList();
    }

    public override async Task<Guid> AnyTimeOffIdAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>("SELECT id FROM time_off LIMIT 1");
    }

    private async Task StaffExecuteAsync(string sql, object parameters)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}

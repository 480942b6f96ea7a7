using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class PostgresClinicData(NpgsqlDataSource db, Func<Task> reset) : ClinicData
{
    private const string InsertStaffSql = """
        INSERT INTO staff_users (id, email, display_name, role, doctor_id, password_hash)
        VALUES (@id, @email, @displayName, @role, @doctorId, @passwordHash)
        """;

    private const string InsertDoctorSql = """
        INSERT INTO doctors (id, full_name, specialty, time_zone, slot_minutes, is_active)
        VALUES (@Id, @FullName, @Specialty, @TimeZone, @SlotMinutes, @IsActive)
        """;

    private const string InsertHoursSql = """
        INSERT INTO working_hours (doctor_id, day_of_week, starts_at, ends_at)
        VALUES (@doctorId, @day, @starts::time, @ends::time)
        """;

    private const string InsertTimeOffSql = """
        INSERT INTO time_off (id, doctor_id, starts_at, ends_at, reason)
        VALUES (@id, @doctorId, @starts, @ends, 'Leave')
        """;

    private const string InsertPatientSql = """
        INSERT INTO patients (id, full_name, email, phone) VALUES (@id, @fullName, @email, @phone)
        """;

    private const string InsertAppointmentSql = """
        INSERT INTO appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason)
        VALUES (@id, @doctorId, @patientId, @startsAt, @endsAt, @status, 'Revisión anual')
        """;

    private const string ReadAppointmentSql = """
        SELECT id AS Id, status AS Status, starts_at AS StartsAt, ends_at AS EndsAt,
               cancellation_reason AS CancellationReason, manage_token_hash AS ManageTokenHash
        FROM appointments WHERE id = @id
        """;

    private const string EventsSql = """
        SELECT kind AS Kind, status AS Status, actor AS Actor, starts_at AS StartsAt, ends_at AS EndsAt, note AS Note
        FROM appointment_events WHERE appointment_id = @id ORDER BY occurred_at, id
        """;

    public override Task ResetAsync() => reset();

    public override async Task<string> AddStaffAsync(string role = StaffRoles.Admin, Guid? doctorId = null)
    {
        var id = Guid.CreateVersion7();
        var email = $"{role.ToLowerInvariant()}-{id:N}@clinic.test";
        var row = new
        {
            id,
            email,
            displayName = $"Test {role}",
            role,
            doctorId,
            passwordHash = PasswordHash,
        };
        await ExecuteAsync(InsertStaffSql, row);
        return email;
    }

    public override async Task<string> StaffActorAsync(string email) =>
        Actor
            .StaffUser(await ScalarAsync<Guid>("SELECT id FROM staff_users WHERE email = @email", new { email }))
            .Value;

    public override async Task<string> AddApiKeyAsync(string name = "Test integrator")
    {
        var key = ManageToken.Create();
        await ExecuteAsync(
            "INSERT INTO api_keys (id, name, key_hash, created_at) VALUES (@id, @name, @hash, now())",
            new
            {
                id = Guid.CreateVersion7(),
                name,
                hash = ManageToken.Hash(key),
            }
        );
        return key;
    }

    public override async Task<string> ApiKeyActorAsync(string key) =>
        Actor
            .ApiKey(
                await ScalarAsync<Guid>(
                    "SELECT id FROM api_keys WHERE key_hash = @hash",
                    new { hash = ManageToken.Hash(key) }
                )
            )
            .Value;

    public override async Task InsertDoctorAsync(DoctorSpec doctor)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(InsertDoctorSql, doctor, transaction);
        var hours = doctor.Hours.Select(h => new
        {
            doctorId = doctor.Id,
            day = (short)h.Day,
            starts = h.Starts,
            ends = h.Ends,
        });
        await connection.ExecuteAsync(InsertHoursSql, hours, transaction);
        var timeOff = doctor.TimeOff.Select(t => new
        {
            id = Guid.CreateVersion7(),
            doctorId = doctor.Id,
            starts = t.Starts,
            ends = t.Ends,
        });
        await connection.ExecuteAsync(InsertTimeOffSql, timeOff, transaction);
        await transaction.CommitAsync();
    }

    public override Task InsertPatientAsync(Guid id, string fullName, string email, string phone) =>
        ExecuteAsync(
            InsertPatientSql,
            new
            {
                id,
                fullName,
                email,
                phone,
            }
        );

    public override Task InsertAppointmentAsync(
        Guid id,
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string status
    ) =>
        ExecuteAsync(
            InsertAppointmentSql,
            new
            {
                id,
                doctorId,
                patientId,
                startsAt = startsAt.UtcDateTime,
                endsAt = endsAt.UtcDateTime,
                status,
            }
        );

    public override async Task<StoredAppointment> ReadAppointmentAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<StoredAppointment>(ReadAppointmentSql, new { id });
    }

    public override async Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<StoredEvent>(EventsSql, new { id })).ToList();
    }

    public override Task<long> CountAppointmentsAsync() => ScalarAsync<long>("SELECT count(*) FROM appointments");

    public override Task<long> CountPatientsAsync() => ScalarAsync<long>("SELECT count(*) FROM patients");

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }
}

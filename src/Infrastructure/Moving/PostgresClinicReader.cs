using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Infrastructure.Moving;

/// <summary>
/// Reads a clinic out of PostgreSQL as MongoDB documents, one keyset batch at a time in id order, so that any
/// table size streams in constant memory and both sides of a verification come in the same order.
/// </summary>
internal sealed class PostgresClinicReader(NpgsqlDataSource db, int batchSize)
{
    private const string DoctorsSql = """
        SELECT id AS Id, full_name AS FullName, specialty AS Specialty, time_zone AS TimeZone,
               slot_minutes AS SlotMinutes, is_active AS IsActive, created_at AS CreatedAt
        FROM doctors WHERE id > @after ORDER BY id LIMIT @limit
        """;

    private const string HoursSql = """
        SELECT doctor_id AS DoctorId, day_of_week AS Day,
               (extract(epoch FROM starts_at) / 60)::int AS StartsMinute,
               (extract(epoch FROM ends_at) / 60)::int AS EndsMinute
        FROM working_hours WHERE doctor_id = ANY(@ids) ORDER BY doctor_id, day_of_week, starts_at
        """;

    private const string TimeOffSql = """
        SELECT id AS Id, doctor_id AS DoctorId, starts_at AS Starts, ends_at AS Ends, reason AS Reason
        FROM time_off WHERE doctor_id = ANY(@ids) ORDER BY doctor_id, starts_at, id
        """;

    private const string PatientsSql = """
        SELECT id AS Id, full_name AS FullName, email AS Email, lower(email) AS EmailKey, phone AS Phone,
               search_phone AS PhoneDigits, created_at AS CreatedAt, updated_at AS UpdatedAt, erased_at AS ErasedAt
        FROM patients WHERE id > @after ORDER BY id LIMIT @limit
        """;

    private const string AppointmentsSql = """
        SELECT id AS Id, doctor_id AS DoctorId, patient_id AS PatientId, starts_at AS StartsAt, ends_at AS EndsAt,
               status AS Status, reason AS Reason, manage_token_hash AS ManageTokenHash,
               cancellation_reason AS CancellationReason, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM appointments WHERE id > @after ORDER BY id LIMIT @limit
        """;

    private const string EventsSql = """
        SELECT id AS Id, appointment_id AS AppointmentId, occurred_at AS OccurredAt, kind AS Kind, status AS Status,
               actor AS Actor, starts_at AS StartsAt, ends_at AS EndsAt, note AS Note
        FROM appointment_events WHERE appointment_id = ANY(@ids) ORDER BY appointment_id, occurred_at, id
        """;

    private const string AuditSql = """
        SELECT id AS Id, occurred_at AS OccurredAt, actor AS Actor, entity AS Entity, entity_id AS EntityId,
               action AS Action, changed_fields AS ChangedFields
        FROM audit_log WHERE id > @after ORDER BY id LIMIT @limit
        """;

    private const string StaffSql = """
        SELECT id AS Id, email AS Email, lower(email) AS EmailKey, display_name AS DisplayName, role AS Role,
               doctor_id AS DoctorId, password_hash AS PasswordHash, failed_sign_ins AS FailedSignIns,
               locked_until AS LockedUntil, session_generation AS SessionGeneration, created_at AS CreatedAt
        FROM staff_users WHERE id > @after ORDER BY id LIMIT @limit
        """;

    private const string ApiKeysSql = """
        SELECT id AS Id, name AS Name, key_hash AS KeyHash, created_by AS CreatedBy, created_at AS CreatedAt,
               revoked_at AS RevokedAt
        FROM api_keys WHERE id > @after ORDER BY id LIMIT @limit
        """;

    public async Task<long> CountAsync(string table, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"); // table names are ours
    }

    public IAsyncEnumerable<IReadOnlyList<DoctorDocument>> DoctorsAsync(CancellationToken ct) =>
        BatchesAsync<DoctorDocument>(DoctorsSql, d => d.Id, CompleteDoctorsAsync, ct);

    public IAsyncEnumerable<IReadOnlyList<PatientDocument>> PatientsAsync(CancellationToken ct) =>
        BatchesAsync<PatientDocument>(
            PatientsSql,
            p => p.Id,
            (_, patients, _) =>
            {
                foreach (var patient in patients)
                {
                    patient.SearchName = SearchText.Key(patient.FullName);
                }

                return Task.CompletedTask;
            },
            ct
        );

    public IAsyncEnumerable<IReadOnlyList<AppointmentDocument>> AppointmentsAsync(CancellationToken ct) =>
        BatchesAsync<AppointmentDocument>(AppointmentsSql, a => a.Id, (_, _, _) => Task.CompletedTask, ct);

    /// <summary>The history of these appointments, numbered per appointment in the order it happened.</summary>
    public async Task<List<AppointmentEventDocument>> EventsOfAsync(
        IReadOnlyList<AppointmentDocument> appointments,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var ids = appointments.Select(a => a.Id).ToArray();
        var events = (await connection.QueryAsync<AppointmentEventDocument>(EventsSql, new { ids })).ToList();
        foreach (var history in events.GroupBy(e => e.AppointmentId))
        {
            var sequence = 0;
            foreach (var change in history)
            {
                change.Sequence = sequence++;
            }
        }

        return events;
    }

    public IAsyncEnumerable<IReadOnlyList<AuditEntryDocument>> AuditLogAsync(CancellationToken ct) =>
        BatchesAsync<AuditRow>(AuditSql, r => r.Id, (_, _, _) => Task.CompletedTask, ct)
            .Select(rows => (IReadOnlyList<AuditEntryDocument>)rows.Select(r => r.ToDocument()).ToList());

    public IAsyncEnumerable<IReadOnlyList<StaffUserDocument>> StaffUsersAsync(CancellationToken ct) =>
        BatchesAsync<StaffUserDocument>(StaffSql, s => s.Id, (_, _, _) => Task.CompletedTask, ct);

    public IAsyncEnumerable<IReadOnlyList<ApiKeyDocument>> ApiKeysAsync(CancellationToken ct) =>
        BatchesAsync<ApiKeyDocument>(ApiKeysSql, k => k.Id, (_, _, _) => Task.CompletedTask, ct);

    private async IAsyncEnumerable<IReadOnlyList<T>> BatchesAsync<T>(
        string sql,
        Func<T, Guid> idOf,
        Func<NpgsqlConnection, List<T>, CancellationToken, Task> complete,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct
    )
    {
        var after = Guid.Empty;
        while (true)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var batch = (
                await connection.QueryAsync<T>(
                    new CommandDefinition(sql, new { after, limit = batchSize }, cancellationToken: ct)
                )
            ).ToList();
            if (batch.Count == 0)
            {
                yield break;
            }

            await complete(connection, batch, ct);
            yield return batch;
            after = idOf(batch[^1]);
        }
    }

    private static async Task CompleteDoctorsAsync(
        NpgsqlConnection connection,
        List<DoctorDocument> doctors,
        CancellationToken ct
    )
    {
        var ids = doctors.Select(d => d.Id).ToArray();
        var hours = (
            await connection.QueryAsync<HoursRow>(new CommandDefinition(HoursSql, new { ids }, cancellationToken: ct))
        ).ToLookup(h => h.DoctorId);
        var timeOff = (
            await connection.QueryAsync<TimeOffRow>(
                new CommandDefinition(TimeOffSql, new { ids }, cancellationToken: ct)
            )
        ).ToLookup(t => t.DoctorId);
        foreach (var doctor in doctors)
        {
            doctor.SearchName = SearchText.Key(doctor.FullName);
            doctor.SearchSpecialty = SearchText.Key(doctor.Specialty);
            doctor.WorkingHours =
            [
                .. hours[doctor.Id]
                    .Select(h => new WorkingHoursDocument
                    {
                        Day = h.Day,
                        StartsMinute = h.StartsMinute,
                        EndsMinute = h.EndsMinute,
                    }),
            ];
            doctor.TimeOff =
            [
                .. timeOff[doctor.Id]
                    .Select(t => new TimeOffDocument
                    {
                        Id = t.Id,
                        Starts = WallClockDates.ToStored(t.Starts),
                        Ends = WallClockDates.ToStored(t.Ends),
                        Reason = t.Reason,
                    }),
            ];
        }
    }

    private sealed record HoursRow(Guid DoctorId, short Day, int StartsMinute, int EndsMinute);

    private sealed record TimeOffRow(Guid Id, Guid DoctorId, DateTime Starts, DateTime Ends, string? Reason);

    private sealed class AuditRow
    {
        public Guid Id { get; init; }

        public DateTime OccurredAt { get; init; }

        public string Actor { get; init; } = "";

        public string Entity { get; init; } = "";

        public Guid EntityId { get; init; }

        public string Action { get; init; } = "";

        public string[] ChangedFields { get; init; } = [];

        public AuditEntryDocument ToDocument() =>
            new()
            {
                Id = Id,
                OccurredAt = OccurredAt,
                Actor = Actor,
                Entity = Entity,
                EntityId = EntityId,
                Action = Action,
                ChangedFields = [.. ChangedFields],
            };
    }
}

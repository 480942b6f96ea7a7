using System.Reflection;
using AppointmentSlices.Bench.Data;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ListAppointments;
using AppointmentSlices.Features.ListDoctors;
using AppointmentSlices.Features.ListPatients;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Bench.Database;

public sealed record QueryPlan(string Endpoint, string Statement, string Plan);

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of the statements each endpoint runs. The SQL is read from the service's own stores,
/// so the plans are of the very text the service sends; parameters are typed as the stores type them. Writes run
/// inside a transaction that is rolled back.
/// </summary>
public static class QueryPlans
{
    private static readonly Assembly Features = typeof(ManageToken).Assembly;

    public static async Task<IReadOnlyList<QueryPlan>> ExplainAsync(NpgsqlDataSource db, ClinicDataset data)
    {
        var doctor = data.Doctors[data.Doctors.Count / 3];
        var week = data.Calendar.DateOf(data.Calendar.TodayIndex - 20);
        var slot = data.FreeSlots[^1];
        var starts = data.Calendar.StartOf(slot.Day, slot.Slot).UtcDateTime;
        var term = data.SearchTerms[0];
        var plans = new List<QueryPlan>();

        Task Add(string endpoint, string type, string field, object parameters) =>
            AddSql(endpoint, $"{type.Split('.')[^1]}.{field}", Sql(type, field), parameters);

        async Task AddSql(string endpoint, string name, string sql, object parameters)
        {
            var parts = sql.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            foreach (var (part, index) in parts.Select((p, i) => (p, i)))
            {
                plans.Add(
                    new QueryPlan(
                        endpoint,
                        $"{name}{(parts.Count > 1 ? $" #{index + 1}" : "")}",
                        await ExplainAsync(db, part, parameters)
                    )
                );
            }
        }

        var apiKey = new { hash = new byte[32] };
        var schedule = new
        {
            doctorId = doctor.Id,
            localFrom = starts.AddDays(-1).ToLocalUnspecified(),
            localTo = starts.AddDays(1).ToLocalUnspecified(),
        };

        await Add("appointments", "FindApiKey.PostgresFindApiKeyStore", "Sql", apiKey);
        var weekFrom = week.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await AddSql(
            "appointments",
            "PostgresListAppointmentsStore.SqlFor(doctor, from, to)",
            PostgresListAppointmentsStore.SqlFor(
                new AppointmentFilter(doctor.Id, null, weekFrom, weekFrom.AddDays(7), null),
                after: false
            ),
            new
            {
                doctorId = (Guid?)doctor.Id,
                patientId = (Guid?)null,
                from = (DateTime?)week.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                to = (DateTime?)week.AddDays(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                status = (string?)null,
                afterStartsAt = (DateTime?)null,
                afterId = Guid.Empty,
                take = 21,
            }
        );
        await Add("slots", "Scheduling.PostgresDoctorScheduleStore", "Sql", schedule);
        await Add(
            "slots",
            "AvailableSlots.PostgresAvailableSlotsStore",
            "BusySql",
            new
            {
                doctorId = doctor.Id,
                busyFrom = starts.Date.AddHours(-14),
                busyTo = starts.Date.AddDays(1).AddHours(14),
            }
        );
        await Add("patients", "FindApiKey.PostgresFindApiKeyStore", "Sql", apiKey);
        await AddSql(
            "patients",
            "PostgresListPatientsStore.SqlFor(search)",
            PostgresListPatientsStore.SqlFor(PatientSearch.For(term), after: false),
            new
            {
                namePrefix = (string?)null,
                contains = (string?)term,
                phoneDigits = (string?)null,
                afterKey = (string?)null,
                afterId = Guid.Empty,
                take = 21,
            }
        );
        await AddSql(
            "doctors",
            "PostgresListDoctorsStore.SqlFor(first page)",
            PostgresListDoctorsStore.SqlFor(specialty: false, name: false, after: false, includeInactive: false),
            new
            {
                specialty = (string?)null,
                namePattern = (string?)null,
                afterKey = (string?)null,
                afterId = Guid.Empty,
                includeInactive = false,
                take = 21,
            }
        );
        await Add("booking", "Scheduling.PostgresDoctorScheduleStore", "LockedSql", schedule);
        await Add(
            "booking",
            "BookAppointment.PostgresBookAppointmentStore",
            "PatientExistsSql",
            new { patientId = data.Patients[slot.Patient].Id }
        );
        await Add(
            "booking",
            "BookAppointment.PostgresBookAppointmentStore",
            "InsertAppointmentSql",
            new
            {
                Id = Guid.CreateVersion7(),
                DoctorId = data.Doctors[slot.Doctor].Id,
                PatientId = data.Patients[slot.Patient].Id,
                StartsAt = starts,
                EndsAt = starts.AddMinutes(BenchCalendar.SlotMinutes),
                Reason = "Plan",
                ManageTokenHash = new byte[32],
                BookedAt = DateTime.UtcNow,
            }
        );
        var booked = data.Appointments[^1];
        await Add(
            "booking",
            "Common.AppointmentHistory",
            "InsertFirstSql",
            new
            {
                Id = Guid.CreateVersion7(),
                AppointmentId = booked.Id,
                OccurredAt = DateTime.UtcNow,
                Kind = "Booked",
                Status = "Scheduled",
                Actor = "api",
                StartsAt = starts,
                EndsAt = starts.AddMinutes(BenchCalendar.SlotMinutes),
                Note = (string?)null,
            }
        );
        await Add(
            "booking",
            "Common.AuditLog",
            "InsertSql",
            new
            {
                Id = Guid.CreateVersion7(),
                OccurredAt = DateTime.UtcNow,
                Actor = "api",
                Entity = "appointment",
                EntityId = booked.Id,
                Action = "Booked",
                ChangedFields = new[] { "doctorId", "patientId", "startsAt", "endsAt", "status", "reason" },
            }
        );
        return plans;
    }

    private static string Sql(string type, string field)
    {
        var owner = Features.GetType($"AppointmentSlices.Features.{type}", throwOnError: true)!;
        var constant = owner.GetField(field, BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type} has no SQL constant {field}; update the bench's plans.");
        return (string)constant.GetRawConstantValue()!;
    }

    private static async Task<string> ExplainAsync(NpgsqlDataSource db, string sql, object parameters)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var lines = await connection.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS) " + sql, parameters, transaction);
        await transaction.RollbackAsync();
        return string.Join('\n', lines);
    }
}

internal static class DateTimeKinds
{
    public static DateTime ToLocalUnspecified(this DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
}

using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>
/// A doctor held for a change to their schedule or status, inside an open transaction, with the schedule and the
/// future Scheduled appointments read under it. The slice writes its change through the provider's subclass and
/// commits; disposing without a commit changes nothing.
/// </summary>
internal abstract class LockedDoctor(ScheduledDoctor doctor, IReadOnlyList<AffectedAppointment> futureAppointments)
    : IAsyncDisposable
{
    public ScheduledDoctor Doctor { get; } = doctor;

    /// <summary>The doctor's Scheduled appointments that start after now, in UTC.</summary>
    public IReadOnlyList<AffectedAppointment> FutureAppointments { get; } = futureAppointments;

    public abstract Task CommitAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}

/// <summary>The doctor's row locked FOR UPDATE in an open PostgreSQL transaction.</summary>
internal sealed class PostgresLockedDoctor(
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    ScheduledDoctor doctor,
    IReadOnlyList<AffectedAppointment> futureAppointments
) : LockedDoctor(doctor, futureAppointments)
{
    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));

    public override Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public override async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

/// <summary>Opens a schedule change for one doctor; shared by the slices that change schedules.</summary>
internal interface IDoctorLocks
{
    /// <summary>Locks the doctor's row and reads what a change must check, or returns null for an unknown id.</summary>
    Task<LockedDoctor?> LockAsync(Guid doctorId, DateTimeOffset now, CancellationToken ct);
}

/// <remarks>
/// FOR UPDATE conflicts with the FOR KEY SHARE lock that inserting an appointment takes on its doctor's row
/// (the foreign key check), so a booking and a schedule change of one doctor never commit interleaved: whichever
/// comes second waits, and a booking that inserted first is among the appointments read here once it commits.
/// </remarks>
internal sealed class PostgresDoctorLocks(NpgsqlDataSource db) : IDoctorLocks, IPostgresStore
{
    private const string Sql = """
        SELECT id AS Id, full_name AS FullName, specialty AS Specialty, time_zone AS TimeZone,
               slot_minutes AS SlotMinutes, is_active AS IsActive
        FROM doctors WHERE id = @doctorId
        FOR UPDATE;

        SELECT day_of_week AS Day, starts_at - time '00:00' AS Starts, ends_at - time '00:00' AS Ends
        FROM working_hours WHERE doctor_id = @doctorId;

        SELECT starts_at AS Starts, ends_at AS Ends
        FROM time_off WHERE doctor_id = @doctorId AND ends_at > @localFrom;

        SELECT a.id AS Id, a.starts_at AS StartsAt, a.ends_at AS EndsAt, a.patient_id AS PatientId,
               p.full_name AS PatientName
        FROM appointments a
        JOIN patients p ON p.id = a.patient_id
        WHERE a.doctor_id = @doctorId AND a.status = 'Scheduled' AND a.starts_at > @now
        ORDER BY a.starts_at, a.id;
        """;

    public async Task<LockedDoctor?> LockAsync(Guid doctorId, DateTimeOffset now, CancellationToken ct)
    {
        var parameters = new
        {
            doctorId,
            now = now.UtcDateTime,
            // Time off is wall-clock time; a day before now in UTC is earlier than now in any zone.
            localFrom = now.UtcDateTime.AddDays(-1).ToLocalUnspecified(),
        };

        var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            if (await ReadAsync(connection, transaction, parameters, ct) is { } locked)
            {
                return locked;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync(); // rolls back the empty transaction
        return null;
    }

    private static async Task<LockedDoctor?> ReadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        object parameters,
        CancellationToken ct
    )
    {
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(Sql, parameters, transaction, cancellationToken: ct)
        );

        var row = await results.ReadSingleOrDefaultAsync<DoctorRow>();
        var hours = (await results.ReadAsync<HoursRow>())
            .Select(h => new WorkingHours((DayOfWeek)h.Day, h.Starts, h.Ends))
            .ToList();
        var timeOff = (await results.ReadAsync<TimeOffRow>()).Select(t => new TimeOff(t.Starts, t.Ends)).ToList();
        var appointments = (await results.ReadAsync<AppointmentRow>())
            .Select(a => new AffectedAppointment(
                a.Id,
                new DateTimeOffset(a.StartsAt),
                new DateTimeOffset(a.EndsAt),
                a.PatientId,
                a.PatientName
            ))
            .ToList();
        if (row is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(row.TimeZone);
        var schedule = new DoctorSchedule(zone, TimeSpan.FromMinutes(row.SlotMinutes), hours, timeOff);
        var doctor = new ScheduledDoctor(row.Id, row.FullName, row.Specialty, row.TimeZone, row.IsActive, schedule);
        return new PostgresLockedDoctor(connection, transaction, doctor, appointments);
    }

    private sealed record DoctorRow(
        Guid Id,
        string FullName,
        string Specialty,
        string TimeZone,
        int SlotMinutes,
        bool IsActive
    );

    private sealed record HoursRow(short Day, TimeSpan Starts, TimeSpan Ends);

    private sealed record TimeOffRow(DateTime Starts, DateTime Ends);

    private sealed record AppointmentRow(
        Guid Id,
        DateTime StartsAt,
        DateTime EndsAt,
        Guid PatientId,
        string PatientName
    );
}

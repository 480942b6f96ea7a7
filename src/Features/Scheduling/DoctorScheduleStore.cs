using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>A doctor as the booking rules see them: who they are and what their schedule is.</summary>
public sealed record ScheduledDoctor(
    Guid Id,
    string FullName,
    string Specialty,
    string TimeZone,
    bool IsActive,
    DoctorSchedule Schedule
);

/// <summary>Reads a doctor's schedule; shared by the slices that compute or check slots.</summary>
public interface IDoctorScheduleStore
{
    /// <summary>The doctor with their weekly hours and the time off that touches [from, to], or null.</summary>
    Task<ScheduledDoctor?> FindAsync(Guid doctorId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

internal sealed class PostgresDoctorScheduleStore(NpgsqlDataSource db) : IDoctorScheduleStore, IPostgresStore
{
    private const string DoctorSql = """
        SELECT id AS Id, full_name AS FullName, specialty AS Specialty, time_zone AS TimeZone,
               slot_minutes AS SlotMinutes, is_active AS IsActive
        FROM doctors WHERE id = @doctorId
        """;

    private const string HoursAndTimeOffSql = """
        ;
        -- As intervals since midnight: a TimeSpan, and an end of 24:00 stays representable.
        SELECT day_of_week AS Day, starts_at - time '00:00' AS Starts, ends_at - time '00:00' AS Ends
        FROM working_hours WHERE doctor_id = @doctorId;

        SELECT starts_at AS Starts, ends_at AS Ends
        FROM time_off
        WHERE doctor_id = @doctorId AND starts_at < @localTo AND ends_at > @localFrom;
        """;

    private const string Sql = DoctorSql + HoursAndTimeOffSql;

    // FOR KEY SHARE is the lock an appointment's foreign key takes anyway; it waits for a schedule change
    // (which holds FOR UPDATE) and keeps one from committing until the booking or move has.
    private const string LockedSql = DoctorSql + " FOR KEY SHARE" + HoursAndTimeOffSql;

    public async Task<ScheduledDoctor?> FindAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ReadAsync(connection, null, doctorId, from, to, ct);
    }

    /// <summary>
    /// Reads the schedule inside a write's transaction, holding the doctor's row against schedule changes until
    /// the transaction ends.
    /// </summary>
    internal static Task<ScheduledDoctor?> ReadLockedAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid doctorId,
        DateTimeOffset at,
        CancellationToken ct
    ) => ReadAsync(connection, transaction, doctorId, at, at, ct);

    /// <summary>
    /// Reads the schedule as <see cref="FindAsync"/> does, under FOR KEY SHARE when in a transaction, and in the same
    /// round trip runs <paramref name="nextSql"/>: it sees the parameters doctorId, localFrom and localTo besides its
    /// own, and <paramref name="readNext"/> reads its results when the doctor exists.
    /// </summary>
    internal static async Task<(ScheduledDoctor? Doctor, T? Next)> ReadThenAsync<T>(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        string nextSql,
        object nextParameters,
        Func<SqlMapper.GridReader, Task<T>> readNext,
        CancellationToken ct
    )
    {
        var parameters = new DynamicParameters(nextParameters);
        parameters.AddDynamicParams(
            new
            {
                doctorId,
                localFrom = Window.From(from),
                localTo = Window.To(to),
            }
        );
        var sql = (transaction is null ? Sql : LockedSql) + nextSql;
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(sql, parameters, transaction, cancellationToken: ct)
        );
        var doctor = await ReadScheduleAsync(results);
        return doctor is null ? (null, default) : (doctor, await readNext(results));
    }

    private static async Task<ScheduledDoctor?> ReadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        var window = new
        {
            doctorId,
            localFrom = Window.From(from),
            localTo = Window.To(to),
        };

        var sql = transaction is null ? Sql : LockedSql;
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(sql, window, transaction, cancellationToken: ct)
        );
        return await ReadScheduleAsync(results);
    }

    // Time off is wall-clock time; a day either side covers every zone's offset from UTC.
    private static class Window
    {
        public static DateTime From(DateTimeOffset from) => from.UtcDateTime.AddDays(-1).ToLocalUnspecified();

        public static DateTime To(DateTimeOffset to) => to.UtcDateTime.AddDays(1).ToLocalUnspecified();
    }

    private static async Task<ScheduledDoctor?> ReadScheduleAsync(SqlMapper.GridReader results)
    {
        var doctor = await results.ReadSingleOrDefaultAsync<DoctorRow>();
        if (doctor is null)
        {
            return null;
        }

        var hours = (await results.ReadAsync<HoursRow>())
            .Select(h => new WorkingHours((DayOfWeek)h.Day, h.Starts, h.Ends))
            .ToList();
        var timeOff = (await results.ReadAsync<TimeOffRow>()).Select(t => new TimeOff(t.Starts, t.Ends)).ToList();

        var zone = TimeZoneInfo.FindSystemTimeZoneById(doctor.TimeZone);
        var schedule = new DoctorSchedule(zone, TimeSpan.FromMinutes(doctor.SlotMinutes), hours, timeOff);
        return new ScheduledDoctor(
            doctor.Id,
            doctor.FullName,
            doctor.Specialty,
            doctor.TimeZone,
            doctor.IsActive,
            schedule
        );
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
}

internal static class DateTimeKinds
{
    public static DateTime ToLocalUnspecified(this DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
}

using Dapper;
using Npgsql;

namespace AppointmentSlices.Tests.Harness;

/// <summary>Describes one doctor (zone, slot length, weekly hours, time off) and inserts them with plain SQL.</summary>
public sealed class DoctorBuilder(NpgsqlDataSource db, string fullName)
{
    private const string InsertDoctorSql = """
        INSERT INTO doctors (id, full_name, specialty, time_zone, slot_minutes, is_active)
        VALUES (@id, @fullName, @specialty, @timeZone, @slotMinutes, @isActive)
        """;

    private const string InsertHoursSql = """
        INSERT INTO working_hours (doctor_id, day_of_week, starts_at, ends_at)
        VALUES (@doctorId, @day, @starts::time, @ends::time)
        """;

    private const string InsertTimeOffSql = """
        INSERT INTO time_off (id, doctor_id, starts_at, ends_at, reason)
        VALUES (@id, @doctorId, @starts, @ends, 'Leave')
        """;

    private static readonly DayOfWeek[] Weekdays =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
    ];

    private readonly List<(DayOfWeek Day, string Starts, string Ends)> _hours = [];
    private readonly List<(DateTime Starts, DateTime Ends)> _timeOff = [];
    private string _specialty = "Medicina familiar";
    private string _timeZone = "Europe/Madrid";
    private int _slotMinutes = 30;
    private bool _isActive = true;

    public DoctorBuilder Specialty(string specialty)
    {
        _specialty = specialty;
        return this;
    }

    public DoctorBuilder InZone(string timeZone)
    {
        _timeZone = timeZone;
        return this;
    }

    public DoctorBuilder SlotsOf(int minutes)
    {
        _slotMinutes = minutes;
        return this;
    }

    /// <summary>A working interval on one weekday, "HH:mm" wall-clock times in the doctor's zone.</summary>
    public DoctorBuilder Works(DayOfWeek day, string starts, string ends)
    {
        _hours.Add((day, starts, ends));
        return this;
    }

    public DoctorBuilder WorksWeekdays(params (string Starts, string Ends)[] intervals)
    {
        foreach (var day in Weekdays)
        {
            foreach (var (starts, ends) in intervals)
            {
                Works(day, starts, ends);
            }
        }

        return this;
    }

    /// <summary>Time off as wall-clock date-times in the doctor's zone, end exclusive.</summary>
    public DoctorBuilder Away(DateTime starts, DateTime ends)
    {
        _timeOff.Add((Unspecified(starts), Unspecified(ends)));
        return this;
    }

    public DoctorBuilder Inactive()
    {
        _isActive = false;
        return this;
    }

    public async Task<Guid> SaveAsync()
    {
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var doctor = new
        {
            id,
            fullName,
            specialty = _specialty,
            timeZone = _timeZone,
            slotMinutes = _slotMinutes,
            isActive = _isActive,
        };
        await connection.ExecuteAsync(InsertDoctorSql, doctor, transaction);
        foreach (var (day, starts, ends) in _hours)
        {
            var hours = new
            {
                doctorId = id,
                day = (short)day,
                starts,
                ends,
            };
            await connection.ExecuteAsync(InsertHoursSql, hours, transaction);
        }

        foreach (var (starts, ends) in _timeOff)
        {
            await connection.ExecuteAsync(
                InsertTimeOffSql,
                new
                {
                    id = Guid.CreateVersion7(),
                    doctorId = id,
                    starts,
                    ends,
                },
                transaction
            );
        }

        await transaction.CommitAsync();
        return id;
    }

    private static DateTime Unspecified(DateTime local) => DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
}

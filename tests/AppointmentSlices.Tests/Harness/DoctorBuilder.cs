using AppointmentSlices.Tests.Harness.Data;

namespace AppointmentSlices.Tests.Harness;

/// <summary>Describes one doctor (zone, slot length, weekly hours, time off) and inserts them directly.</summary>
public sealed class DoctorBuilder(ClinicData data, string fullName)
{
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
        await data.InsertDoctorAsync(
            new DoctorSpec(id, fullName, _specialty, _timeZone, _slotMinutes, _isActive, _hours, _timeOff)
        );
        return id;
    }

    private static DateTime Unspecified(DateTime local) => DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
}

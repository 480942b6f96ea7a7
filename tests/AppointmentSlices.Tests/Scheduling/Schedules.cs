using System.Globalization;
using AppointmentSlices.Features.Scheduling;

namespace AppointmentSlices.Tests.Scheduling;

/// <summary>Schedules and day windows for the slot calendar tests, built without a database.</summary>
internal static class Schedules
{
    public static readonly DateTimeOffset LongAgo = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DayOfWeek[] Weekdays =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
    ];

    private static readonly (string, string)[] MorningAndAfternoon = [("09:00", "14:00"), ("15:00", "18:00")];

    /// <summary>Every day of the week, 09:00–14:00 and 15:00–18:00 (lunch is off), on 30-minute slots.</summary>
    public static DoctorSchedule SplitDay(string zone, params TimeOff[] timeOff) =>
        Create(zone, Enum.GetValues<DayOfWeek>(), MorningAndAfternoon, timeOff);

    /// <summary>The same split day, Monday to Friday only.</summary>
    public static DoctorSchedule SplitWeekdays(string zone, params TimeOff[] timeOff) =>
        Create(zone, Weekdays, MorningAndAfternoon, timeOff);

    /// <summary>Every night 00:00–04:00, which is when clocks change in Europe and America.</summary>
    public static DoctorSchedule Night(string zone, int slotMinutes = 30) =>
        Create(zone, Enum.GetValues<DayOfWeek>(), [("00:00", "04:00")], [], slotMinutes);

    /// <summary>Every day around the clock, 00:00–24:00, on slots of the length given.</summary>
    public static DoctorSchedule AroundTheClock(string zone, int slotMinutes) =>
        Create(zone, Enum.GetValues<DayOfWeek>(), [("00:00", "24:00")], [], slotMinutes);

    private static DoctorSchedule Create(
        string zone,
        IEnumerable<DayOfWeek> days,
        (string Starts, string Ends)[] intervals,
        TimeOff[] timeOff,
        int slotMinutes = 30
    )
    {
        var hours = days.SelectMany(day => intervals.Select(i => new WorkingHours(day, Time(i.Starts), Time(i.Ends))))
            .ToList();
        return new DoctorSchedule(
            TimeZoneInfo.FindSystemTimeZoneById(zone),
            TimeSpan.FromMinutes(slotMinutes),
            hours,
            timeOff
        );
    }

    /// <summary>The free slots of one local day, with the clock long before it and nothing booked.</summary>
    public static IReadOnlyList<Slot> FreeOn(DoctorSchedule schedule, string day) => FreeOn(schedule, day, LongAgo, []);

    public static IReadOnlyList<Slot> FreeOn(
        DoctorSchedule schedule,
        string day,
        DateTimeOffset now,
        IReadOnlyList<(DateTimeOffset, DateTimeOffset)> busy
    )
    {
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var from = LocalMidnight(schedule, date);
        var to = LocalMidnight(schedule, date.AddDays(1));
        return SlotCalendar.FreeSlots(schedule, from, to, now, busy);
    }

    /// <summary>An instant given as local wall-clock time with its offset, e.g. "2026-03-17T09:00:00+01:00".</summary>
    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Local wall-clock start times, "HH:mm", as a reader of the doctor's agenda would see them.</summary>
    public static string[] LocalStarts(IEnumerable<Slot> slots) =>
        slots.Select(s => s.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture)).ToArray();

    private static TimeSpan Time(string text) =>
        text == "24:00" ? TimeSpan.FromHours(24) : TimeSpan.Parse(text, CultureInfo.InvariantCulture);

    private static DateTimeOffset LocalMidnight(DoctorSchedule schedule, DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, schedule.Zone.GetUtcOffset(midnight));
    }
}

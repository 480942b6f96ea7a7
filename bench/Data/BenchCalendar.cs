namespace AppointmentSlices.Bench.Data;

/// <summary>
/// The study's calendar: day 0 is a year before today, the last day a year after it. Every doctor has the same
/// week (Monday to Friday, 09:00–14:00 and 15:00–19:00 in Madrid, 30-minute slots), so slot n of a day is the
/// same wall-clock time for everyone and two appointments overlap exactly when they share a day and a slot.
/// </summary>
public sealed class BenchCalendar
{
    public const string ZoneId = "Europe/Madrid";
    public const int SlotMinutes = 30;
    public const int SlotsPerDay = 18;

    public static readonly (TimeOnly Start, TimeOnly End)[] WorkingIntervals =
    [
        (new TimeOnly(9, 0), new TimeOnly(14, 0)),
        (new TimeOnly(15, 0), new TimeOnly(19, 0)),
    ];

    private readonly TimeSpan[] offsets;

    public BenchCalendar(DateOnly today, int daysBack = 365, int daysAhead = 365)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        FirstDay = today.AddDays(-daysBack);
        TodayIndex = daysBack;
        DayCount = daysBack + daysAhead;
        // Clocks change at night, so one offset serves a whole working day.
        offsets = Enumerable
            .Range(0, DayCount)
            .Select(day => Zone.GetUtcOffset(FirstDay.AddDays(day).ToDateTime(new TimeOnly(12, 0))))
            .ToArray();
    }

    public TimeZoneInfo Zone { get; }

    public DateOnly FirstDay { get; }

    public int TodayIndex { get; }

    public int DayCount { get; }

    public DateOnly DateOf(int day) => FirstDay.AddDays(day);

    public bool IsWorkday(int day) => DateOf(day).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static TimeOnly WallClockOf(int slot) =>
        slot < 10
            ? new TimeOnly(9, 0).AddMinutes(SlotMinutes * slot)
            : new TimeOnly(15, 0).AddMinutes(SlotMinutes * (slot - 10));

    public DateTimeOffset StartOf(int day, int slot) => new(DateOf(day).ToDateTime(WallClockOf(slot)), offsets[day]);
}

namespace AppointmentSlices.Features.Scheduling;

/// <summary>One working interval on a weekday, as wall-clock times in the doctor's zone.</summary>
public sealed record WorkingHours(DayOfWeek Day, TimeSpan Starts, TimeSpan Ends);

/// <summary>Leave or a holiday, as wall-clock date-times in the doctor's zone; the end is exclusive.</summary>
public sealed record TimeOff(DateTime Starts, DateTime Ends);

/// <summary>A bookable interval; both ends carry the doctor's local offset.</summary>
public sealed record Slot(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public enum GridCheck
{
    OnGrid,
    OffGrid,
    OutsideWorkingHours,
    DuringTimeOff,
}

/// <summary>What decides a doctor's slots: zone, slot length, weekly hours and time off.</summary>
public sealed record DoctorSchedule(
    TimeZoneInfo Zone,
    TimeSpan SlotLength,
    IReadOnlyList<WorkingHours> Hours,
    IReadOnlyList<TimeOff> TimeOff
);

namespace AppointmentSlices.Features.Scheduling;

/// <summary>
/// Computes a doctor's slot grid. Each working interval is cut into slots from its start, in wall-clock
/// time in the doctor's zone, so a doctor who starts at 09:00 starts at 09:00 on both sides of a
/// daylight-saving change. A slot lasts the slot length in real time.
/// </summary>
public static class SlotCalendar
{
    /// <summary>Free slots starting in [from, to): the grid less time off, the busy intervals and the past.</summary>
    public static IReadOnlyList<Slot> FreeSlots(
        DoctorSchedule schedule,
        DateTimeOffset from,
        DateTimeOffset to,
        DateTimeOffset now,
        IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)> busy
    )
    {
        var free = new List<Slot>();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, schedule.Zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, schedule.Zone).DateTime);

        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var slot in GridOf(schedule, day))
            {
                if (
                    slot.StartsAt >= from
                    && slot.StartsAt < to
                    && slot.StartsAt > now
                    && !busy.Any(b => b.Starts < slot.EndsAt && slot.StartsAt < b.Ends)
                )
                {
                    free.Add(slot);
                }
            }
        }

        return free;
    }

    /// <summary>Whether an instant is the start of one of the doctor's slots, and if not, why not.</summary>
    public static GridCheck Check(DoctorSchedule schedule, DateTimeOffset startsAt)
    {
        var local = TimeZoneInfo.ConvertTime(startsAt, schedule.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = local.TimeOfDay;

        if (!schedule.Hours.Any(h => h.Day == day.DayOfWeek && h.Starts <= timeOfDay && timeOfDay < h.Ends))
        {
            return GridCheck.OutsideWorkingHours;
        }

        var localStart = local.DateTime;
        if (schedule.TimeOff.Any(off => off.Starts < localStart + schedule.SlotLength && localStart < off.Ends))
        {
            return GridCheck.DuringTimeOff;
        }

        return AllSlotsOf(schedule, day).Any(s => s.StartsAt == startsAt) ? GridCheck.OnGrid : GridCheck.OffGrid;
    }

    /// <summary>The doctor's slots on one local day, without those that fall in time off.</summary>
    public static IEnumerable<Slot> GridOf(DoctorSchedule schedule, DateOnly day) =>
        AllSlotsOf(schedule, day).Where(slot => !InTimeOff(schedule, slot));

    // A slot that would begin before the one before it ends is left out, so slots never overlap: the slot that
    // spans a skipped hour lasts the slot length in real time and so runs past the next wall-clock start.
    private static IEnumerable<Slot> AllSlotsOf(DoctorSchedule schedule, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        DateTimeOffset? previousEnd = null;
        foreach (var hours in schedule.Hours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Starts))
        {
            for (var start = hours.Starts; start + schedule.SlotLength <= hours.Ends; start += schedule.SlotLength)
            {
                if (ToInstant(schedule.Zone, midnight + start) is { } startsAt && !(startsAt < previousEnd))
                {
                    var slot = new Slot(
                        startsAt,
                        TimeZoneInfo.ConvertTime(startsAt + schedule.SlotLength, schedule.Zone)
                    );
                    previousEnd = slot.EndsAt;
                    yield return slot;
                }
            }
        }
    }

    private static bool InTimeOff(DoctorSchedule schedule, Slot slot)
    {
        var localStart = slot.StartsAt.DateTime;
        var localEnd = localStart + schedule.SlotLength;
        return schedule.TimeOff.Any(off => off.Starts < localEnd && localStart < off.Ends);
    }

    /// <summary>
    /// The instant a wall-clock time names in a zone. A time skipped by a spring-forward change names
    /// none (no slot there); a time repeated by an autumn change is taken at its first occurrence.
    /// </summary>
    public static DateTimeOffset? ToInstant(TimeZoneInfo zone, DateTime local)
    {
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

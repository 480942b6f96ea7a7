using AppointmentSlices.Features.Scheduling;
using Xunit;
using static AppointmentSlices.Tests.Scheduling.Schedules;

namespace AppointmentSlices.Tests.Scheduling;

public sealed class SlotCalendarTests
{
    private const string Madrid = "Europe/Madrid";

    [Fact]
    public void A_split_day_is_cut_into_30_minute_slots_without_the_lunch_break()
    {
        var slots = FreeOn(SplitDay(Madrid), "2026-03-17");

        string[] morning = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30"];
        string[] afternoon = ["15:00", "15:30", "16:00", "16:30", "17:00", "17:30"];
        Assert.Equal([.. morning, .. afternoon], LocalStarts(slots));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.StartsAt.Offset));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.EndsAt - s.StartsAt));
        Assert.Equal(At("2026-03-17T09:00:00+01:00"), slots[0].StartsAt);
        Assert.Equal(At("2026-03-17T18:00:00+01:00"), slots[^1].EndsAt);
    }

    [Theory]
    [InlineData(Madrid, "2026-03-28", "+01:00", "2026-03-29", "+02:00")]
    [InlineData(Madrid, "2026-10-24", "+02:00", "2026-10-25", "+01:00")]
    [InlineData("America/New_York", "2026-03-07", "-05:00", "2026-03-08", "-04:00")]
    [InlineData("America/New_York", "2026-10-31", "-04:00", "2026-11-01", "-05:00")]
    public void On_a_daylight_saving_day_the_first_slot_is_still_at_09_00_local_with_the_new_offset(
        string zone,
        string dayBefore,
        string offsetBefore,
        string changeDay,
        string offsetAfter
    )
    {
        var schedule = SplitDay(zone);

        var before = FreeOn(schedule, dayBefore);
        var after = FreeOn(schedule, changeDay);

        Assert.Equal(At($"{dayBefore}T09:00:00{offsetBefore}"), before[0].StartsAt);
        Assert.Equal(TimeSpan.Parse(offsetBefore.TrimStart('+')), before[0].StartsAt.Offset);
        Assert.Equal(At($"{changeDay}T09:00:00{offsetAfter}"), after[0].StartsAt);
        Assert.Equal(TimeSpan.Parse(offsetAfter.TrimStart('+')), after[0].StartsAt.Offset);
        Assert.All(after, s => Assert.Equal(after[0].StartsAt.Offset, s.StartsAt.Offset));
        Assert.Equal(16, before.Count);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(LocalStarts(before), LocalStarts(after));
    }

    [Theory]
    [InlineData(Madrid, "2026-03-29")]
    [InlineData("America/New_York", "2026-03-08")]
    public void A_night_doctor_gets_no_slot_in_the_hour_skipped_by_spring_forward(string zone, string day)
    {
        var slots = FreeOn(Night(zone), day);

        Assert.Equal(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"], LocalStarts(slots));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.EndsAt - s.StartsAt));
        AssertNoOverlap(slots);
    }

    [Fact]
    public void The_slot_across_a_skipped_hour_keeps_its_length_and_the_next_start_it_runs_into_is_not_offered()
    {
        var schedule = Night(Madrid, slotMinutes: 45);

        var slots = FreeOn(schedule, "2027-03-28");

        // 01:30+01:00 lasts 45 minutes, to 03:15+02:00; the grid's 03:00 would overlap it, 02:15 does not exist.
        Assert.Equal(["00:00", "00:45", "01:30"], LocalStarts(slots));
        Assert.Equal(At("2027-03-28T03:15:00+02:00"), slots[^1].EndsAt);
        Assert.Equal(GridCheck.OffGrid, SlotCalendar.Check(schedule, At("2027-03-28T03:00:00+02:00")));
    }

    public static TheoryData<string, int> ZonesAndSlotLengths()
    {
        // Hour-long changes at 02:00, at midnight (Havana, Santiago) and at 02:45 in a zone 45 minutes off
        // (Chatham); half-hour changes (Lord Howe); Casablanca's change around Ramadan.
        string[] zones =
        [
            Madrid,
            "America/New_York",
            "America/Havana",
            "America/Santiago",
            "Pacific/Chatham",
            "Australia/Lord_Howe",
            "Africa/Casablanca",
        ];
        int[] lengths = [5, 25, 30, 45, 50, 70, 90, 240];
        var data = new TheoryData<string, int>();
        foreach (var zone in zones)
        {
            foreach (var length in lengths)
            {
                data.Add(zone, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ZonesAndSlotLengths))]
    public void Around_every_clock_change_of_two_years_the_slots_never_overlap_and_each_is_bookable(
        string zone,
        int slotMinutes
    )
    {
        var schedule = AroundTheClock(zone, slotMinutes);
        var changeDays = ClockChangeDays(schedule.Zone, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));
        Assert.NotEmpty(changeDays);

        foreach (var day in changeDays)
        {
            // The day before, the day of the change and the day after, as one list.
            var from = TimeZoneInfo.ConvertTime(At($"{day.AddDays(-1):yyyy-MM-dd}T12:00:00Z"), schedule.Zone);
            var slots = SlotCalendar.FreeSlots(schedule, from, from.AddDays(3), LongAgo, []);

            Assert.NotEmpty(slots);
            AssertNoOverlap(slots);
            Assert.All(slots, s => Assert.Equal(GridCheck.OnGrid, SlotCalendar.Check(schedule, s.StartsAt)));
        }
    }

    [Theory]
    [InlineData(Madrid, "2026-10-25")]
    [InlineData("America/New_York", "2026-11-01")]
    public void A_night_doctor_gets_no_duplicate_slot_in_the_hour_repeated_by_fall_back(string zone, string day)
    {
        var slots = FreeOn(Night(zone), day);

        Assert.Equal(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30"], LocalStarts(slots));
        Assert.Equal(slots.Count, slots.Select(s => s.StartsAt.UtcDateTime).Distinct().Count());
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.EndsAt - s.StartsAt));
        AssertNoOverlap(slots);
    }

    [Fact]
    public void Time_off_removes_only_the_slots_it_overlaps()
    {
        var schedule = SplitDay(
            Madrid,
            new TimeOff(new DateTime(2026, 3, 17, 10, 15, 0), new DateTime(2026, 3, 17, 11, 0, 0)),
            new TimeOff(new DateTime(2026, 3, 17, 12, 0, 0), new DateTime(2026, 3, 17, 12, 30, 0))
        );

        var starts = LocalStarts(FreeOn(schedule, "2026-03-17"));

        Assert.Contains("09:30", starts);
        Assert.DoesNotContain("10:00", starts);
        Assert.DoesNotContain("10:30", starts);
        Assert.Contains("11:00", starts);
        Assert.Contains("11:30", starts);
        Assert.DoesNotContain("12:00", starts);
        Assert.Contains("12:30", starts);
        Assert.Equal(13, starts.Length);
    }

    [Fact]
    public void A_whole_day_of_time_off_empties_that_day_and_leaves_its_neighbours()
    {
        var away = new TimeOff(new DateTime(2026, 3, 18, 0, 0, 0), new DateTime(2026, 3, 19, 0, 0, 0));
        var schedule = SplitDay(Madrid, away);

        Assert.Empty(FreeOn(schedule, "2026-03-18"));
        Assert.Equal(16, FreeOn(schedule, "2026-03-17").Count);
        Assert.Equal(16, FreeOn(schedule, "2026-03-19").Count);
    }

    [Fact]
    public void Busy_intervals_remove_the_slots_they_overlap()
    {
        (DateTimeOffset, DateTimeOffset)[] busy =
        [
            (At("2026-03-17T11:00:00+01:00"), At("2026-03-17T11:30:00+01:00")),
            (At("2026-03-17T11:10:00Z"), At("2026-03-17T11:40:00Z")), // 12:10–12:40 in Madrid
        ];

        var starts = LocalStarts(FreeOn(SplitDay(Madrid), "2026-03-17", LongAgo, busy));

        Assert.Contains("10:30", starts);
        Assert.DoesNotContain("11:00", starts);
        Assert.Contains("11:30", starts);
        Assert.DoesNotContain("12:00", starts);
        Assert.DoesNotContain("12:30", starts);
        Assert.Contains("13:00", starts);
        Assert.Equal(13, starts.Length);
    }

    [Fact]
    public void Slots_starting_at_or_before_now_are_left_out()
    {
        var now = At("2026-03-17T10:00:00+01:00");

        var starts = LocalStarts(FreeOn(SplitDay(Madrid), "2026-03-17", now, []));

        Assert.Equal("10:30", starts[0]);
        Assert.Equal(13, starts.Length);
    }

    [Fact]
    public void Free_slots_are_those_starting_in_the_half_open_window()
    {
        var slots = SlotCalendar.FreeSlots(
            SplitDay(Madrid),
            At("2026-03-17T10:00:00+01:00"),
            At("2026-03-17T11:00:00+01:00"),
            LongAgo,
            []
        );

        Assert.Equal(["10:00", "10:30"], LocalStarts(slots));
    }

    /// <summary>The local days on which the zone's offset at the end differs from its offset at the start.</summary>
    private static List<DateOnly> ClockChangeDays(TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var start = zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue));
            var end = zone.GetUtcOffset(day.ToDateTime(new TimeOnly(23, 59)));
            if (start != end)
            {
                days.Add(day);
            }
        }

        return days;
    }

    private static void AssertNoOverlap(IReadOnlyList<Slot> slots)
    {
        for (var i = 1; i < slots.Count; i++)
        {
            Assert.True(slots[i - 1].EndsAt <= slots[i].StartsAt, $"{slots[i - 1]} overlaps {slots[i]}");
        }
    }
}

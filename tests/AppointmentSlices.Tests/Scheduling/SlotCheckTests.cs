using AppointmentSlices.Features.Scheduling;
using Xunit;
using static AppointmentSlices.Tests.Scheduling.Schedules;

namespace AppointmentSlices.Tests.Scheduling;

public sealed class SlotCheckTests
{
    private static readonly DoctorSchedule Doctor = SplitWeekdays(
        "Europe/Madrid",
        new TimeOff(new DateTime(2026, 3, 18, 0, 0, 0), new DateTime(2026, 3, 19, 0, 0, 0)),
        new TimeOff(new DateTime(2026, 3, 19, 10, 15, 0), new DateTime(2026, 3, 19, 11, 0, 0))
    );

    [Theory]
    [InlineData("2026-03-17T09:00:00+01:00")]
    [InlineData("2026-03-17T08:00:00Z")]
    [InlineData("2026-03-17T13:30:00+01:00")]
    [InlineData("2026-03-17T15:00:00+01:00")]
    [InlineData("2026-03-17T17:30:00+01:00")]
    [InlineData("2026-03-19T11:00:00+01:00")]
    [InlineData("2026-03-30T09:00:00+02:00")]
    public void A_slot_start_is_on_the_grid(string startsAt) =>
        Assert.Equal(GridCheck.OnGrid, SlotCalendar.Check(Doctor, At(startsAt)));

    [Theory]
    [InlineData("2026-03-17T09:10:00+01:00")]
    [InlineData("2026-03-17T09:00:30+01:00")]
    [InlineData("2026-03-17T17:45:00+01:00")]
    public void A_time_inside_working_hours_but_between_slot_starts_is_off_the_grid(string startsAt) =>
        Assert.Equal(GridCheck.OffGrid, SlotCalendar.Check(Doctor, At(startsAt)));

    [Theory]
    [InlineData("2026-03-17T08:30:00+01:00")]
    [InlineData("2026-03-17T14:00:00+01:00")]
    [InlineData("2026-03-17T14:30:00+01:00")]
    [InlineData("2026-03-17T18:00:00+01:00")]
    [InlineData("2026-03-22T10:00:00+01:00")]
    public void A_time_outside_working_hours_is_reported_as_such(string startsAt) =>
        Assert.Equal(GridCheck.OutsideWorkingHours, SlotCalendar.Check(Doctor, At(startsAt)));

    [Theory]
    [InlineData("2026-03-18T09:00:00+01:00")]
    [InlineData("2026-03-18T16:30:00+01:00")]
    [InlineData("2026-03-19T10:00:00+01:00")]
    [InlineData("2026-03-19T10:30:00+01:00")]
    public void A_slot_overlapping_time_off_is_reported_as_time_off(string startsAt) =>
        Assert.Equal(GridCheck.DuringTimeOff, SlotCalendar.Check(Doctor, At(startsAt)));

    [Fact]
    public void In_the_repeated_hour_only_the_first_occurrence_is_a_slot_start()
    {
        var night = Night("Europe/Madrid");

        Assert.Equal(GridCheck.OnGrid, SlotCalendar.Check(night, At("2026-10-25T02:00:00+02:00")));
        Assert.Equal(GridCheck.OffGrid, SlotCalendar.Check(night, At("2026-10-25T02:00:00+01:00")));
    }
}

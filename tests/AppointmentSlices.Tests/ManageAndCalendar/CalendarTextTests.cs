using AppointmentSlices.Features.AppointmentCalendar;
using Ical.Net;
using Xunit;

namespace AppointmentSlices.Tests.ManageAndCalendar;

/// <summary>The iCalendar writer alone, in the hour the clocks go back, which a local time cannot tell apart.</summary>
public sealed class CalendarTextTests
{
    // Sunday 25 October 2026: Madrid's clocks go from 03:00 CEST back to 02:00 CET, so 02:30 happens twice.
    private static readonly DateTimeOffset FirstTwoThirty = new(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset SecondTwoThirty = new(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Both_occurrences_of_a_repeated_wall_clock_time_read_back_as_the_right_instant()
    {
        var text = CalendarText.Write(
            "Europe/Madrid",
            [Entry(FirstTwoThirty), Entry(SecondTwoThirty)],
            FirstTwoThirty,
            FirstTwoThirty
        );

        var events = Calendar.Load(text)!.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(FirstTwoThirty.UtcDateTime, events[0].DtStart!.AsUtc);
        Assert.Equal("Europe/Madrid", events[0].DtStart!.TzId);
        Assert.Equal(SecondTwoThirty.UtcDateTime, events[1].DtStart!.AsUtc);
        Assert.Equal(SecondTwoThirty.UtcDateTime.AddMinutes(30), events[1].DtEnd!.AsUtc);
    }

    private static CalendarEntry Entry(DateTimeOffset startsAt) =>
        new(Guid.CreateVersion7(), startsAt, startsAt.AddMinutes(30), "Scheduled", 0, startsAt, startsAt, "A", "B");
}

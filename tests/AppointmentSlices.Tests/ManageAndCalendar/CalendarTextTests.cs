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

    [Theory]
    [InlineData("Europe/Madrid", "2027-10-31T02:30:00+02:00")]
    [InlineData("Europe/Madrid", "2027-10-31T01:00:00+02:00")]
    [InlineData("Europe/Madrid", "2027-10-30T09:00:00+02:00")]
    [InlineData("Europe/Madrid", "2027-03-28T09:00:00+02:00")]
    [InlineData("Europe/Madrid", "2027-07-04T09:00:00+02:00")]
    [InlineData("Europe/Madrid", "2027-01-10T09:00:00+01:00")]
    [InlineData("America/New_York", "2027-11-07T01:00:00-04:00")]
    [InlineData("America/New_York", "2027-11-06T09:00:00-04:00")]
    [InlineData("America/New_York", "2027-03-14T09:00:00-04:00")]
    public void The_time_zone_block_holds_the_summer_and_the_winter_rule_on_either_side_of_a_change(
        string zone,
        string startsAt
    )
    {
        var start = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture);

        var text = CalendarText.Write(zone, [Entry(start)], start.AddDays(-20), start);

        // A calendar app reads the event's local time by the file's own rules, not by its own zone data: the block
        // needs the summer rule and the winter one, whichever side of a change the event falls on.
        var zoneBlock = text[text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal)..];
        zoneBlock = zoneBlock[..zoneBlock.IndexOf("END:VTIMEZONE", StringComparison.Ordinal)];
        Assert.True(zoneBlock.Contains("BEGIN:DAYLIGHT", StringComparison.Ordinal), $"No summer rule:\n{zoneBlock}");
        Assert.True(zoneBlock.Contains("BEGIN:STANDARD", StringComparison.Ordinal), $"No winter rule:\n{zoneBlock}");
    }

    private static CalendarEntry Entry(DateTimeOffset startsAt) =>
        new(Guid.CreateVersion7(), startsAt, startsAt.AddMinutes(30), "Scheduled", 0, startsAt, startsAt, "A", "B");
}

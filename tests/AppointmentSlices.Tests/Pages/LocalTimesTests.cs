using AppointmentSlices.Web.Pages;
using Xunit;

namespace AppointmentSlices.Tests.Pages;

public sealed class LocalTimesTests
{
    [Fact]
    public void An_appointment_across_the_autumn_clock_change_shows_both_offsets()
    {
        var start = new DateTimeOffset(2027, 11, 7, 1, 30, 0, TimeSpan.FromHours(-4));
        var end = new DateTimeOffset(2027, 11, 7, 1, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("America/New_York, UTC-04:00 → UTC-05:00", LocalTimes.Zone("America/New_York", start, end));
    }

    [Fact]
    public void An_appointment_within_one_offset_shows_it_once()
    {
        var start = new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("Europe/Madrid, UTC+01:00", LocalTimes.Zone("Europe/Madrid", start, start.AddMinutes(30)));
    }
}

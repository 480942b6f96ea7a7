using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Pages;

/// <summary>A doctor's week of free slots, opened without a week: the first week that has something free.</summary>
[Collection("Database")]
public sealed class SlotsPageTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [Fact]
    public async Task Opening_a_doctor_away_all_this_week_shows_the_first_week_with_free_slots()
    {
        var doctorId = await AddDoctorAwayThisWeekAndNextAsync();

        var page = await (await Client.GetAsync($"/doctors/{doctorId}/slots")).ParseAsync();

        Assert.Equal("30 March – 5 April 2026", page.QuerySelector(".week-title")?.TextContent.Trim());
        Assert.Contains("first week with free slots", page.QuerySelector("[role=status]")?.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/book']"));
    }

    [Fact]
    public async Task A_week_asked_for_is_shown_even_when_nothing_is_free_in_it()
    {
        var doctorId = await AddDoctorAwayThisWeekAndNextAsync();

        var page = await (await Client.GetAsync($"/doctors/{doctorId}/slots?week=2026-03-16")).ParseAsync();

        Assert.Equal("16 March – 22 March 2026", page.QuerySelector(".week-title")?.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("a[href^='/book']"));
    }

    // Weekday mornings, away from Monday 16 March (the tests' today) to Monday 30 March.
    private Task<Guid> AddDoctorAwayThisWeekAndNextAsync() =>
        Clinic
            .Doctor()
            .WorksWeekdays(("09:00", "14:00"))
            .Away(new DateTime(2026, 3, 16), new DateTime(2026, 3, 30))
            .SaveAsync();
}

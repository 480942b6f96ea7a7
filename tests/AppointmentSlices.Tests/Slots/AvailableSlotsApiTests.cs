using System.Net;
using System.Text.Json;
using AppointmentSlices.Infrastructure;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Slots;

[Collection("Database")]
public sealed class AvailableSlotsApiTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private Guid _doctorId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _doctorId = await Clinic.AddMadridDoctorAsync();
    }

    [ProviderFact]
    public async Task Dates_give_whole_local_days_with_to_inclusive()
    {
        var body = await OkAsync("from=2026-03-17&to=2026-03-18");

        Assert.Equal("2026-03-17T00:00:00+01:00", body.GetProperty("from").GetString());
        Assert.Equal("2026-03-19T00:00:00+01:00", body.GetProperty("to").GetString());
        var starts = Starts(body);
        Assert.Equal(32, starts.Length);
        Assert.Equal("2026-03-17T09:00:00+01:00", starts[0]);
        Assert.Equal("2026-03-18T17:30:00+01:00", starts[^1]);
    }

    [ProviderFact]
    public async Task Instants_with_an_offset_give_the_slots_starting_between_them_with_to_exclusive()
    {
        var encoded = Starts(await OkAsync("from=2026-03-17T09:00:00%2B01:00&to=2026-03-17T11:00:00%2B01:00"));
        var utc = Starts(await OkAsync("from=2026-03-17T08:00:00Z&to=2026-03-17T10:00:00Z"));

        string[] expected =
        [
            "2026-03-17T09:00:00+01:00",
            "2026-03-17T09:30:00+01:00",
            "2026-03-17T10:00:00+01:00",
            "2026-03-17T10:30:00+01:00",
        ];
        Assert.Equal(expected, encoded);
        Assert.Equal(expected, utc);
    }

    [ProviderFact]
    public async Task An_unencoded_plus_in_the_offset_is_still_understood()
    {
        var body = await OkAsync("from=2026-03-17T00:00:00+01:00&to=2026-03-18T00:00:00+01:00");

        Assert.Equal("2026-03-17T00:00:00+01:00", body.GetProperty("from").GetString());
        Assert.Equal(16, Starts(body).Length);
    }

    [ProviderFact]
    public async Task A_window_of_31_days_is_allowed()
    {
        var body = await OkAsync("from=2026-03-17&to=2026-04-16");

        Assert.Equal("2026-04-16T17:30:00+02:00", Starts(body)[^1]);
    }

    [ProviderTheory]
    [InlineData("from=2026-03-17&to=2026-04-30", "to")]
    [InlineData("from=2026-03-17&to=2026-04-17", "to")]
    [InlineData("from=2026-03-17T00:00:00Z&to=2026-04-17T00:00:01Z", "to")]
    [InlineData("from=2026-03-18&to=2026-03-17", "to")]
    [InlineData("from=yesterday&to=2026-03-18", "from")]
    [InlineData("from=2026-03-17&to=%3Cscript%3E", "to")]
    [InlineData("from=2026-03-17T09:00:00&to=2026-03-18", "from")]
    [InlineData("date=2026-13-45", "date")]
    [InlineData("date=2026-03-17T09:00:00Z", "date")]
    [InlineData("date=2026-03-17&from=2026-03-17", "date")]
    public async Task A_bad_window_returns_400_naming_the_parameter(string query, string field)
    {
        var response = await Client.GetAsync($"/api/doctors/{_doctorId}/available-slots?{query}");

        await response.AssertFieldErrorAsync(field);
    }

    [ProviderTheory]
    [InlineData("date=0001-01-01", "date")]
    [InlineData("date=9999-12-31", "date")]
    [InlineData("from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z", "from")]
    [InlineData("from=9999-12-30&to=9999-12-31", "to")]
    public async Task A_window_at_the_ends_of_the_calendar_is_answered_without_a_server_error(
        string query,
        string field
    )
    {
        var response = await Client.GetAsync($"/api/doctors/{_doctorId}/available-slots?{query}");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Empty(Starts(await response.ReadJsonAsync()));
        }
        else
        {
            await response.AssertFieldErrorAsync(field);
        }
    }

    [ProviderFact]
    public async Task An_unknown_doctor_returns_404_on_both_routes()
    {
        var unknown = Guid.CreateVersion7();

        var rest = await Client.GetAsync($"/api/doctors/{unknown}/available-slots?date=2026-03-17");
        var legacy = await Client.GetAsync($"/api/doctors/available-slots?doctorId={unknown}&date=2026-03-17");

        await rest.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
        await legacy.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task A_doctor_id_that_is_not_a_guid_returns_400_on_the_legacy_route()
    {
        var response = await Client.GetAsync("/api/doctors/available-slots?doctorId=doctor-7&date=2026-03-17");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-request");
    }

    [ProviderFact]
    public async Task Without_a_window_the_next_seven_days_are_listed()
    {
        var starts = Starts(await OkAsync(""));

        Assert.Equal("2026-03-16T09:00:00+01:00", starts[0]);
        Assert.Equal("2026-03-20T17:30:00+01:00", starts[^1]);
        Assert.Equal(5 * 16, starts.Length);
    }

    [ProviderFact]
    public async Task Slots_that_have_started_are_no_longer_offered()
    {
        await using var later =
            Provider == StorageProvider.Mongo
                ? new ClinicApp(Database.ConnectionString, MongoTestServer.ConnectionString)
                : new ClinicApp(Database.ConnectionString);
        later.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero)); // 10:00 in Madrid
        using var client = later.CreateClient();

        var response = await client.GetAsync($"/api/doctors/{_doctorId}/available-slots?date=2026-03-16");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var starts = Starts(await response.ReadJsonAsync());
        Assert.Equal("2026-03-16T10:30:00+01:00", starts[0]);
        Assert.Equal(13, starts.Length);
    }

    [ProviderFact]
    public async Task Time_off_in_the_database_removes_the_slots_it_covers()
    {
        var doctorId = await Clinic
            .Doctor("Elena Vidal Soler")
            .WorksWeekdays(("09:00", "14:00"), ("15:00", "18:00"))
            .Away(new DateTime(2026, 3, 18, 0, 0, 0), new DateTime(2026, 3, 19, 0, 0, 0))
            .Away(new DateTime(2026, 3, 19, 10, 15, 0), new DateTime(2026, 3, 19, 11, 0, 0))
            .SaveAsync();

        var wednesday = Starts(await OkAsync("date=2026-03-18", doctorId));
        var thursdayStarts = Starts(await OkAsync("date=2026-03-19", doctorId));

        Assert.Empty(wednesday);
        Assert.Equal(14, thursdayStarts.Length);
        Assert.DoesNotContain("2026-03-19T10:00:00+01:00", thursdayStarts);
        Assert.DoesNotContain("2026-03-19T10:30:00+01:00", thursdayStarts);
        Assert.Contains("2026-03-19T11:00:00+01:00", thursdayStarts);
    }

    [ProviderTheory]
    [InlineData("2026-03-27", "2026-03-27T09:00:00+01:00")]
    [InlineData("2026-03-30", "2026-03-30T09:00:00+02:00")]
    public async Task Slots_follow_the_doctors_wall_clock_across_the_spring_change(string date, string firstSlot)
    {
        var starts = Starts(await OkAsync($"date={date}"));

        Assert.Equal(firstSlot, starts[0]);
        Assert.Equal(16, starts.Length);
    }

    private async Task<JsonElement> OkAsync(string query, Guid? doctorId = null)
    {
        var response = await Client.GetAsync($"/api/doctors/{doctorId ?? _doctorId}/available-slots?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static string[] Starts(JsonElement body) =>
        body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startsAt").GetString()!).ToArray();
}

using System.Net;
using System.Net.Http.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

[Collection("Database")]
public sealed class TimeOffTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Time_off_removes_its_slots_and_removing_it_gives_them_back()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var added = await Client.AddTimeOffAsync(doctorId, "2026-03-18T09:00", "2026-03-18T12:00");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var timeOff = await added.ReadJsonAsync();
        var timeOffId = timeOff.GetProperty("id").GetGuid();
        Assert.Equal($"/api/doctors/{doctorId}/time-off/{timeOffId}", added.Headers.Location?.OriginalString);
        Assert.Equal("2026-03-18T09:00", timeOff.GetProperty("starts").GetString());
        Assert.Equal("Europe/Madrid", timeOff.GetProperty("timeZone").GetString());
        Assert.Empty(timeOff.GetProperty("affectedAppointments").EnumerateArray());
        Assert.Equal("12:00", (await Client.FreeSlotsAsync(doctorId, "2026-03-18"))[0]);
        Assert.Equal("09:00", (await Client.FreeSlotsAsync(doctorId, "2026-03-17"))[0]);

        var read = await Client.GetAsync($"/api/doctors/{doctorId}/time-off/{timeOffId}");
        Assert.Equal("Congreso", (await read.ReadJsonAsync()).GetProperty("reason").GetString());

        var removed = await Client.DeleteAsync($"/api/doctors/{doctorId}/time-off/{timeOffId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal("09:00", (await Client.FreeSlotsAsync(doctorId, "2026-03-18"))[0]);
        var again = await Client.DeleteAsync($"/api/doctors/{doctorId}/time-off/{timeOffId}");
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task Time_off_over_a_booking_is_refused_with_409_listing_it_and_nothing_is_added()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var covered = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        await Client.BookedAsync(doctorId, DoctorsApi.WednesdayNine);

        var response = await Client.AddTimeOffAsync(doctorId, "2026-03-17T08:00", "2026-03-17T09:30");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/appointments-affected");
        Assert.Equal([covered], DoctorsApi.AffectedIds(problem));
        Assert.Equal([await DoctorsApi.PatientOfAsync(Data, covered)], DoctorsApi.AffectedPatients(problem));
        var list = await (await Client.GetAsync($"/api/doctors/{doctorId}/time-off")).ReadJsonAsync();
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [ProviderFact]
    public async Task Confirmed_time_off_over_a_booking_is_added_and_lists_it()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var covered = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);

        var response = await Client.AddTimeOffAsync(doctorId, "2026-03-17T00:00", "2026-03-18T00:00", confirm: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.ReadJsonAsync();
        Assert.Equal([covered], DoctorsApi.AffectedIds(added));
        Assert.Equal([await DoctorsApi.PatientOfAsync(Data, covered)], DoctorsApi.AffectedPatients(added));
        Assert.Empty(await Client.FreeSlotsAsync(doctorId, "2026-03-17"));
        Assert.Equal("Scheduled", await DoctorsApi.StatusOfAsync(Data, covered));
    }

    [ProviderFact]
    public async Task Time_off_that_ends_as_a_booking_starts_does_not_affect_it()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        await Client.BookedAsync(doctorId, DoctorsApi.TuesdayTen);

        var response = await Client.AddTimeOffAsync(doctorId, "2026-03-17T08:00", "2026-03-17T10:00");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [ProviderTheory]
    [InlineData("2026-03-17 09:00", "2026-03-17T10:00", "starts")]
    [InlineData("2026-03-17T09:00:00+01:00", "2026-03-17T10:00", "starts")]
    [InlineData("2026-03-17T09:00", "2026-02-30T10:00", "ends")]
    [InlineData("2026-03-17T10:00", "2026-03-17T10:00", "ends")]
    [InlineData("2026-03-17T10:00", "2026-03-17T09:00", "ends")]
    [InlineData("3026-03-17T10:00", "3026-03-17T11:00", "starts")]
    public async Task Unreadable_or_backward_time_off_is_refused(string starts, string ends, string field)
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.AddTimeOffAsync(doctorId, starts, ends);

        await response.AssertFieldErrorAsync(field);
    }

    [ProviderFact]
    public async Task Time_off_is_listed_from_today_in_start_order_and_in_pages()
    {
        var doctorId = await Clinic
            .Doctor()
            .WorksWeekdays(("09:00", "14:00"))
            .Away(new DateTime(2026, 3, 1, 0, 0, 0), new DateTime(2026, 3, 2, 0, 0, 0))
            .Away(new DateTime(2026, 4, 6, 0, 0, 0), new DateTime(2026, 4, 11, 0, 0, 0))
            .Away(new DateTime(2026, 3, 20, 9, 0, 0), new DateTime(2026, 3, 20, 11, 0, 0))
            .Away(new DateTime(2026, 3, 15, 9, 0, 0), new DateTime(2026, 3, 17, 0, 0, 0))
            .SaveAsync();

        var fromToday = await (await Client.GetAsync($"/api/doctors/{doctorId}/time-off?limit=2")).ReadJsonAsync();

        Assert.Equal(
            ["2026-03-15T09:00", "2026-03-20T09:00"],
            fromToday.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("starts").GetString())
        );
        var cursor = fromToday.GetProperty("nextCursor").GetString();
        var next = await (
            await Client.GetAsync($"/api/doctors/{doctorId}/time-off?limit=2&cursor={cursor}")
        ).ReadJsonAsync();
        Assert.Equal(
            "2026-04-06T00:00",
            Assert.Single(next.GetProperty("items").EnumerateArray()).GetProperty("starts").GetString()
        );
        Assert.Equal(System.Text.Json.JsonValueKind.Null, next.GetProperty("nextCursor").ValueKind);

        var march = await (
            await Client.GetAsync($"/api/doctors/{doctorId}/time-off?from=2026-03-01&to=2026-03-01")
        ).ReadJsonAsync();
        Assert.Equal(
            "2026-03-01T00:00",
            Assert.Single(march.GetProperty("items").EnumerateArray()).GetProperty("starts").GetString()
        );
    }

    [ProviderFact]
    public async Task Time_off_of_an_unknown_doctor_returns_404()
    {
        var unknown = Guid.CreateVersion7();

        await (await Client.GetAsync($"/api/doctors/{unknown}/time-off")).AssertProblemAsync(
            HttpStatusCode.NotFound,
            "/problems/not-found"
        );
        await (await Client.AddTimeOffAsync(unknown, "2026-03-17T09:00", "2026-03-17T10:00")).AssertProblemAsync(
            HttpStatusCode.NotFound,
            "/problems/not-found"
        );
    }

    [ProviderFact]
    public async Task Time_off_cannot_be_removed_through_another_doctor()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var otherId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var added = await Client.AddTimeOffAsync(doctorId, "2026-03-18T09:00", "2026-03-18T12:00");
        var timeOffId = (await added.ReadJsonAsync()).GetProperty("id").GetGuid();

        var response = await Client.DeleteAsync($"/api/doctors/{otherId}/time-off/{timeOffId}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Equal("12:00", (await Client.FreeSlotsAsync(doctorId, "2026-03-18"))[0]);
    }

    [ProviderFact]
    public async Task A_listing_with_a_bad_window_is_refused()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.GetAsync($"/api/doctors/{doctorId}/time-off?from=2026-03-20&to=2026-03-19");

        await response.AssertFieldErrorAsync("to");
    }

    [ProviderFact]
    public async Task A_reason_with_control_characters_is_refused()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PostAsJsonAsync(
            $"/api/doctors/{doctorId}/time-off",
            new
            {
                starts = "2026-03-18T09:00",
                ends = "2026-03-18T12:00",
                reason = "Vacaciones\u0007",
            }
        );

        await response.AssertFieldErrorAsync("reason");
    }
}

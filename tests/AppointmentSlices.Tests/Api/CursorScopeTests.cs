using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Api;

/// <summary>
/// A cursor carries on the list and filters that returned it, and nowhere else: sent to another list, or with the
/// filters changed, it is a 400 rather than a position read in another order.
/// </summary>
[Collection("Database")]
public sealed class CursorScopeTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderTheory]
    [InlineData("/api/doctors?limit=1", "/api/patients?limit=1")]
    [InlineData("/api/patients?limit=1", "/api/doctors?limit=1")]
    [InlineData("/api/appointments?limit=1", "/api/doctors?limit=1")]
    [InlineData("/api/doctors?limit=1", "/api/appointments?limit=1")]
    [InlineData("/api/patients?limit=1&q=ana", "/api/patients?limit=1")]
    [InlineData("/api/patients?limit=1", "/api/patients?limit=1&q=ana")]
    [InlineData("/api/doctors?limit=1&name=jo", "/api/doctors?limit=1&name=ma")]
    [InlineData("/api/doctors?limit=1", "/api/doctors?limit=1&includeInactive=true")]
    [InlineData("/api/appointments?limit=1", "/api/appointments?limit=1&status=Cancelled")]
    [InlineData("/api/appointments?limit=1&from=2026-03-17", "/api/appointments?limit=1&from=2026-03-16")]
    [InlineData("/api/audit?limit=1", "/api/appointments?limit=1")]
    public async Task A_cursor_sent_to_another_list_or_with_other_filters_is_refused(string from, string to)
    {
        await AddClinicAsync();
        var cursor = await NextCursorAsync(from);

        var response = await Client.GetAsync($"{to}&cursor={cursor}");

        var errors = await response.AssertFieldErrorAsync("cursor");
        Assert.Contains("not one this list returned", errors[0]);
    }

    [ProviderTheory]
    [InlineData("/api/doctors?limit=1&name=jo")]
    [InlineData("/api/patients?limit=1&q=ana")]
    public async Task A_cursor_sent_back_with_its_own_filters_gives_the_next_page(string list) =>
        await AssertNextPageAsync(list);

    // The three appointments start at one instant, as the audit entries share the test clock's: the id breaks ties.
    [ProviderTheory(NotOnTestServer = "compares binary uuids out of BSON order, the keyset's id tie-break")]
    [InlineData("/api/appointments?limit=1&status=Scheduled&from=2026-03-17")]
    [InlineData("/api/audit?limit=1")]
    public async Task A_cursor_sent_back_with_its_own_filters_gives_the_next_page_past_a_tie(string list) =>
        await AssertNextPageAsync(list);

    private async Task AssertNextPageAsync(string list)
    {
        await AddClinicAsync();
        var first = await (await Client.GetAsync(list)).ReadJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();

        var next = await (await Client.GetAsync($"{list}&cursor={cursor}")).ReadJsonAsync();

        var firstId = first.GetProperty("items")[0].GetProperty("id").GetGuid();
        var nextId = next.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.NotEqual(firstId, nextId);
    }

    private async Task AddClinicAsync()
    {
        string[] doctors = ["Jorge Martín Soler", "Josefa Marín Vera", "María Jover Gil"];
        string[] patients = ["Ana Ruiz", "Ana Ortega", "Mariana Gil"];
        for (var i = 0; i < doctors.Length; i++)
        {
            var doctorId = await Clinic.AddMadridDoctorAsync(doctors[i]);
            var patientId = await Clinic.AddPatientAsync(patients[i]);
            var booked = await Client.BookAsync(ForPatient(doctorId, patientId));
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }
    }

    private async Task<string> NextCursorAsync(string list)
    {
        var page = await (await Client.GetAsync(list)).ReadJsonAsync();
        var cursor = page.GetProperty("nextCursor").GetString();
        Assert.False(string.IsNullOrEmpty(cursor), $"{list} gave no next cursor: {page}");
        return cursor;
    }
}

using System.Globalization;
using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

[Collection("Database")]
public sealed class GetPatientTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private PatientRows Rows => new(Data);

    [ProviderFact]
    public async Task A_patient_comes_with_their_appointments_newest_first_in_the_doctors_zone()
    {
        var madrid = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var lima = await Clinic.Doctor("Rosa Quispe").InZone("America/Lima").SaveAsync();
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var past = await Rows.AddAppointmentAsync(madrid, id, At("2026-03-02T09:00:00+01:00"), "Completed");
        var future = await Rows.AddAppointmentAsync(lima, id, At("2026-03-20T10:00:00-05:00"));
        var cancelled = await Rows.AddAppointmentAsync(madrid, id, At("2026-03-18T12:00:00+01:00"), "Cancelled");

        var record = await Client.GetPatientAsync(id);

        var items = record.GetProperty("appointments").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([future, cancelled, past], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal("2026-03-20T10:00:00-05:00", items[0].GetProperty("startsAt").GetString());
        Assert.Equal("2026-03-20T10:30:00-05:00", items[0].GetProperty("endsAt").GetString());
        Assert.Equal("America/Lima", items[0].GetProperty("timeZone").GetString());
        Assert.Equal("Rosa Quispe", items[0].GetProperty("doctorName").GetString());
        Assert.Equal("Cancelled", items[1].GetProperty("status").GetString());
        Assert.Equal("2026-03-02T09:00:00+01:00", items[2].GetProperty("startsAt").GetString());
        Assert.Equal("Dolor de cabeza", items[2].GetProperty("reason").GetString());
        Assert.Null(PatientsApi.NextCursor(record.GetProperty("appointments")));
    }

    [ProviderFact]
    public async Task Appointments_page_newest_first_and_every_one_comes_exactly_once()
    {
        var doctor = await Clinic.AddMadridDoctorAsync();
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var expected = new List<Guid>();
        for (var day = 2; day <= 8; day++)
        {
            expected.Add(
                await Rows.AddAppointmentAsync(doctor, id, At($"2026-02-{day:00}T09:00:00+01:00"), "Completed")
            );
        }

        expected.Reverse();
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var query = cursor is null ? "limit=3" : $"limit=3&cursor={Uri.EscapeDataString(cursor)}";
            var appointments = (await Client.GetPatientAsync(id, query)).GetProperty("appointments");
            seen.AddRange(PatientsApi.Ids(appointments));
            cursor = PatientsApi.NextCursor(appointments);
            Assert.True(++pages <= 5, "Paging never ended.");
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);
    }

    [ProviderFact]
    public async Task An_unknown_patient_returns_404()
    {
        var response = await Client.GetAsync($"/api/patients/{Guid.CreateVersion7()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderTheory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "cursor")]
    public async Task A_bad_limit_or_cursor_returns_400(string query, string field)
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");

        var response = await Client.GetAsync($"/api/patients/{id}?{query}");

        await response.AssertFieldErrorAsync(field);
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}

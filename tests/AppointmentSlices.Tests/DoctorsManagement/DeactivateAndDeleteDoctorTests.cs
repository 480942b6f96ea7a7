using System.Net;
using System.Net.Http.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

[Collection("Database")]
public sealed class DeactivateAndDeleteDoctorTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task A_deactivated_doctor_is_not_listed_has_no_slots_and_cannot_be_booked()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PostAsync($"/api/doctors/{doctorId}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deactivated = await response.ReadJsonAsync();
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        Assert.Empty(deactivated.GetProperty("affectedAppointments").EnumerateArray());

        var listed = await (await Client.GetAsync("/api/doctors")).ReadJsonAsync();
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        var slots = await Client.GetAsync($"/api/doctors/{doctorId}/available-slots?date=2026-03-17");
        var noSlots = await slots.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Contains("not taking bookings", noSlots.GetProperty("detail").GetString());
        var booking = await Client.BookAsync(Booking.Requests.ForNewPatient(doctorId));
        await booking.AssertFieldErrorAsync("doctorId");
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());

        var all = await (await Client.GetAsync("/api/doctors?includeInactive=true")).ReadJsonAsync();
        var item = Assert.Single(all.GetProperty("items").EnumerateArray());
        Assert.False(item.GetProperty("isActive").GetBoolean());
    }

    [ProviderFact]
    public async Task Deactivating_a_doctor_with_bookings_is_refused_until_confirmed_and_lists_them()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var first = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        var second = await Client.BookedAsync(doctorId, DoctorsApi.WednesdayNine);

        var refused = await Client.PostAsync($"/api/doctors/{doctorId}/deactivate", null);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/appointments-affected");
        Assert.Equal([first, second], DoctorsApi.AffectedIds(problem));
        var patients = new[]
        {
            await DoctorsApi.PatientOfAsync(Data, first),
            await DoctorsApi.PatientOfAsync(Data, second),
        };
        Assert.Equal(patients, DoctorsApi.AffectedPatients(problem));
        Assert.True((await Client.GetDoctorAsync(doctorId)).GetProperty("isActive").GetBoolean());

        var applied = await Client.PostAsync($"/api/doctors/{doctorId}/deactivate?confirm=true", null);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var deactivated = await applied.ReadJsonAsync();
        Assert.Equal([first, second], DoctorsApi.AffectedIds(deactivated));
        Assert.Equal(patients, DoctorsApi.AffectedPatients(deactivated));
        Assert.False((await Client.GetDoctorAsync(doctorId)).GetProperty("isActive").GetBoolean());
        Assert.Equal("Scheduled", await DoctorsApi.StatusOfAsync(Data, first));
    }

    [ProviderFact]
    public async Task A_reactivated_doctor_takes_bookings_again()
    {
        var doctorId = await Clinic.Doctor().WorksWeekdays(("09:00", "14:00")).Inactive().SaveAsync();

        var response = await Client.PostAsync($"/api/doctors/{doctorId}/reactivate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("isActive").GetBoolean());
        Assert.Equal("09:00", (await Client.FreeSlotsAsync(doctorId, "2026-03-17"))[0]);
        await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
    }

    [ProviderFact]
    public async Task Deactivating_an_unknown_doctor_returns_404()
    {
        var response = await Client.PostAsync($"/api/doctors/{Guid.CreateVersion7()}/deactivate?confirm=true", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task A_doctor_with_appointments_cannot_be_deleted()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var appointmentId = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        await DoctorsApi.CancelDirectlyAsync(Data, appointmentId);

        var response = await Client.DeleteAsync($"/api/doctors/{doctorId}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/doctor-has-appointments");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/doctors/{doctorId}")).StatusCode);
    }

    [ProviderFact]
    public async Task A_doctor_without_appointments_can_be_deleted_with_their_schedule()
    {
        var doctorId = await Clinic
            .Doctor()
            .WorksWeekdays(("09:00", "14:00"))
            .Away(new DateTime(2026, 3, 18, 9, 0, 0), new DateTime(2026, 3, 18, 10, 0, 0))
            .SaveAsync();

        var response = await Client.DeleteAsync($"/api/doctors/{doctorId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var gone = await Client.GetAsync($"/api/doctors/{doctorId}");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
        var again = await Client.DeleteAsync($"/api/doctors/{doctorId}");
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task The_openapi_document_describes_the_doctor_routes_and_their_errors()
    {
        var document = await (await Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");

        var hours = paths.GetProperty("/api/doctors/{id}/working-hours").GetProperty("put").GetProperty("responses");
        Assert.True(hours.TryGetProperty("400", out _));
        Assert.True(hours.TryGetProperty("404", out _));
        Assert.True(hours.TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/api/doctors").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/doctors/{id}/deactivate").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/doctors/{id}/time-off").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/doctors/{id}/time-off/{timeOffId}").TryGetProperty("delete", out _));
    }
}

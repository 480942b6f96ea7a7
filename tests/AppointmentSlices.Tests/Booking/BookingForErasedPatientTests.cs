using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Booking;

[Collection("Database")]
public sealed class BookingForErasedPatientTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task An_erased_patient_cannot_be_booked_by_id()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var erased = await Client.PostAsync($"/api/patients/{patientId}/erase", null);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        var response = await Client.BookAsync(ForPatient(doctorId, patientId));

        await response.AssertFieldErrorAsync("patientId");
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }

    [ProviderFact]
    public async Task A_new_patient_cannot_book_with_the_address_erasure_gives_an_erased_patient()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        await Client.PostAsync($"/api/patients/{patientId}/erase", null);

        var response = await Client.BookAsync(ForNewPatient(doctorId, email: $"erased-{patientId}@invalid"));

        await response.AssertFieldErrorAsync("patient.email");
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }
}

using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Dapper;
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

    [Fact]
    public async Task A_booking_that_meets_an_erasure_in_flight_waits_for_it_and_is_refused()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        // The erasure's first steps, held open: the patient's row locked and anonymised, not yet committed.
        await using var erasure = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await erasure.BeginTransactionAsync();
        await erasure.ExecuteAsync(
            "SELECT 1 FROM patients WHERE id = @patientId FOR UPDATE",
            new { patientId },
            transaction
        );
        await erasure.ExecuteAsync(
            "UPDATE patients SET full_name = 'Erased patient', erased_at = now() WHERE id = @patientId",
            new { patientId },
            transaction
        );

        var booking = Client.BookAsync(ForPatient(doctorId, patientId));
        Assert.True(await SomeoneWaitsOnALockAsync(), "The booking never waited on the erasure.");
        await transaction.CommitAsync();

        var response = await booking;

        await response.AssertFieldErrorAsync("patientId");
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }
}

using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Dapper;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Booking;

[Collection("Database")]
public sealed class BookingRacingScheduleChangeTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [Fact]
    public async Task A_booking_waiting_on_a_schedule_change_is_checked_against_the_new_hours()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        await using var change = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await change.BeginTransactionAsync();
        await change.ExecuteAsync(
            "SELECT 1 FROM doctors WHERE id = @doctorId FOR UPDATE",
            new { doctorId },
            transaction
        );
        await change.ExecuteAsync(
            "DELETE FROM working_hours WHERE doctor_id = @doctorId",
            new { doctorId },
            transaction
        );

        // The booking reads the old hours (the change is not committed) and then waits on the doctor's row.
        var booking = Client.BookAsync(ForNewPatient(doctorId));
        Assert.True(await SomeoneWaitsOnALockAsync(), "The booking never waited on the schedule change.");
        await transaction.CommitAsync();

        var response = await booking;

        await response.AssertFieldErrorAsync("startsAt");
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }
}

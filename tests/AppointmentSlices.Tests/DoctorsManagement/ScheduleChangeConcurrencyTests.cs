using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Dapper;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

/// <summary>A schedule change and a booking of the same doctor never interleave their writes.</summary>
[Collection("Database")]
public sealed class ScheduleChangeConcurrencyTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string InsertSql = """
        INSERT INTO appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason)
        VALUES (@id, @doctorId, @patientId, @startsAt, @endsAt, 'Scheduled', 'Revisión')
        """;

    private const string WaitingSql = """
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'
        """;

    [Fact]
    public async Task A_change_waits_for_a_booking_being_written_and_then_lists_it()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var appointmentId = Guid.CreateVersion7();
        var startsAt = new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(1));
        await using var booking = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await booking.BeginTransactionAsync();
        await booking.ExecuteAsync(
            InsertSql,
            new
            {
                id = appointmentId,
                doctorId,
                patientId,
                startsAt = startsAt.UtcDateTime,
                endsAt = startsAt.AddMinutes(30).UtcDateTime,
            },
            transaction
        );

        var change = Client.PutHoursAsync(doctorId, DoctorsApi.WeekdayHours(("10:00", "14:00")));
        await WaitUntilBlockedAsync(change);
        await transaction.CommitAsync();
        var response = await change;

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/appointments-affected");
        Assert.Equal([appointmentId], DoctorsApi.AffectedIds(problem));
    }

    private async Task WaitUntilBlockedAsync(Task change)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            Assert.False(change.IsCompleted, "The change finished while the booking was still being written.");
            if (await connection.ExecuteScalarAsync<long>(WaitingSql) > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The change never waited for the doctor's row.");
    }
}

using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Appointments;

/// <summary>Changes that race for one slot or one appointment, a few rounds each so the timing varies.</summary>
[Collection("Database")]
public sealed class AppointmentRaceTests(PostgresFixture database, ClinicHost host)
    : AppointmentTest(database, host),
        IClassFixture<ClinicHost>
{
    private const int Rounds = 5;

    private const string ConcurrentCommits =
        "its transactions are not isolated from each other: concurrent commits that insert one unique key can both "
        + "succeed";

    [ProviderFact(NotOnTestServer = ConcurrentCommits)]
    public async Task Two_concurrent_reschedules_into_one_free_slot_give_exactly_one_success()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var day = WorkingDay(round);
            var first = await BookAsync(doctorId, day);
            var second = await BookAsync(doctorId, day.AddMinutes(30));
            var target = day.AddHours(2);

            var responses = await Task.WhenAll(RescheduleAsync(first.Id, target), RescheduleAsync(second.Id, target));

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            await loser.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/slot-taken");
            var (moved, stayed) = winner == responses[0] ? (first, second) : (second, first);
            Assert.Equal(target.UtcDateTime, (await Appointments.ReadAsync(moved.Id)).StartsAt);
            Assert.Equal(stayed.StartsAt.UtcDateTime, (await Appointments.ReadAsync(stayed.Id)).StartsAt);
            Assert.Equal(["Booked"], (await Appointments.EventsAsync(stayed.Id)).Select(e => e.Kind));
        }
    }

    [ProviderFact(NotOnTestServer = ConcurrentCommits)]
    public async Task A_reschedule_racing_a_booking_for_the_same_slot_has_exactly_one_winner()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var day = WorkingDay(round);
            var moving = await BookAsync(doctorId, day);
            var target = day.AddHours(2);
            var before = await Clinic.CountAppointmentsAsync();

            var responses = await Task.WhenAll(
                RescheduleAsync(moving.Id, target),
                Client.BookAsync(ForNewPatient(doctorId, target.ToString("o")))
            );
            var (reschedule, booking) = (responses[0], responses[1]);

            var rescheduled = reschedule.StatusCode == HttpStatusCode.OK;
            var booked = booking.StatusCode == HttpStatusCode.Created;
            Assert.True(rescheduled ^ booked, $"Reschedule {reschedule.StatusCode}, booking {booking.StatusCode}");
            await (rescheduled ? booking : reschedule).AssertProblemAsync(
                HttpStatusCode.Conflict,
                "/problems/slot-taken"
            );
            var stored = await Appointments.ReadAsync(moving.Id);
            Assert.Equal((rescheduled ? target : day).UtcDateTime, stored.StartsAt);
            Assert.Equal(before + (booked ? 1 : 0), await Clinic.CountAppointmentsAsync());
        }
    }

    [ProviderFact(NotOnTestServer = ConcurrentCommits)]
    public async Task A_cancel_racing_a_reschedule_of_the_same_appointment_ends_in_one_consistent_state()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var day = WorkingDay(round);
            var booked = await BookAsync(doctorId, day);
            var target = day.AddHours(2);

            var responses = await Task.WhenAll(CancelAsync(booked.Id, "Carrera"), RescheduleAsync(booked.Id, target));
            var (cancel, reschedule) = (responses[0], responses[1]);

            // The cancel always lands: before the move, or after it on the new time. The move lands only first.
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            var moved = reschedule.StatusCode == HttpStatusCode.OK;
            if (!moved)
            {
                await reschedule.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
            }

            var stored = await Appointments.ReadAsync(booked.Id);
            var events = await Appointments.EventsAsync(booked.Id);
            Assert.Equal("Cancelled", stored.Status);
            Assert.Equal((moved ? target : day).UtcDateTime, stored.StartsAt);
            Assert.Equal(
                moved ? ["Booked", "Rescheduled", "Cancelled"] : ["Booked", "Cancelled"],
                events.Select(e => e.Kind)
            );
            Assert.Equal(
                (stored.Status, stored.StartsAt, stored.EndsAt),
                (events[^1].Status, events[^1].StartsAt, events[^1].EndsAt)
            );
        }
    }

    /// <summary>Tuesday to Friday this week, then the next Tuesday, all at 09:00.</summary>
    private static DateTimeOffset WorkingDay(int round) => TuesdayNine.AddDays(round < 4 ? round : round + 3);
}

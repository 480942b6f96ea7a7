using System.Net;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.RescheduleAppointment;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class RescheduleAppointmentTests(PostgresFixture database, ClinicHost host)
    : AppointmentTest(database, host),
        IClassFixture<ClinicHost>
{
    private static readonly DateTimeOffset WednesdayTen = new(2026, 3, 18, 10, 0, 0, TimeSpan.FromHours(1));

    [ProviderFact]
    public async Task Rescheduling_moves_the_appointment_and_swaps_which_slot_is_free()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await RescheduleAsync(booked.Id, "2026-03-18T09:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("2026-03-18T10:00:00+01:00", body.GetProperty("startsAt").GetString());
        Assert.Equal("2026-03-18T10:30:00+01:00", body.GetProperty("endsAt").GetString());
        Assert.Equal("Scheduled", body.GetProperty("status").GetString());
        Assert.Contains("2026-03-17T09:00:00+01:00", await FreeSlotsAsync(doctorId, "2026-03-17"));
        Assert.DoesNotContain("2026-03-18T10:00:00+01:00", await FreeSlotsAsync(doctorId, "2026-03-18"));
    }

    [ProviderFact]
    public async Task Rescheduling_records_a_rescheduled_event_with_the_new_times()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        await RescheduleAsync(booked.Id, WednesdayTen);

        var events = await Appointments.EventsAsync(booked.Id);
        Assert.Equal(["Booked", "Rescheduled"], events.Select(e => e.Kind));
        Assert.Equal(
            new StoredEvent(
                "Rescheduled",
                "Scheduled",
                ClientActor,
                WednesdayTen.UtcDateTime,
                WednesdayTen.AddMinutes(30).UtcDateTime,
                null
            ),
            events[1]
        );
    }

    [ProviderFact]
    public async Task Rescheduling_into_a_taken_slot_returns_409_and_keeps_the_original()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var moving = await BookAsync(doctorId, TuesdayNine);
        await BookAsync(doctorId, WednesdayTen);
        var before = await Appointments.ReadAsync(moving.Id);

        var response = await RescheduleAsync(moving.Id, WednesdayTen);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/slot-taken");
        Assert.Equal(before, await Appointments.ReadAsync(moving.Id), StoredAppointmentComparer.Instance);
        Assert.Equal(["Booked"], (await Appointments.EventsAsync(moving.Id)).Select(e => e.Kind));
    }

    [ProviderFact]
    public async Task Rescheduling_onto_the_patients_other_appointment_returns_409_patient_busy()
    {
        var first = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var second = await Clinic.AddMadridDoctorAsync("Elena Vidal Soler");
        var patientId = await Clinic.AddPatientAsync();
        var moving = await BookAsync(first, TuesdayNine, patientId);
        await BookAsync(second, WednesdayTen, patientId);

        var response = await RescheduleAsync(moving.Id, WednesdayTen);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/patient-busy");
        Assert.Equal(TuesdayNine.UtcDateTime, (await Appointments.ReadAsync(moving.Id)).StartsAt);
    }

    [ProviderFact]
    public async Task Rescheduling_onto_the_patients_own_appointment_with_the_same_doctor_says_the_patient_is_busy()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var moving = await BookAsync(doctorId, TuesdayNine, patientId);
        await BookAsync(doctorId, WednesdayTen, patientId);

        var response = await RescheduleAsync(moving.Id, WednesdayTen);

        // The slot is the patient's own, so nobody else took it.
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/patient-busy");
        Assert.Equal(TuesdayNine.UtcDateTime, (await Appointments.ReadAsync(moving.Id)).StartsAt);
    }

    [ProviderFact]
    public async Task Rescheduling_into_a_slot_freed_by_a_cancellation_succeeds()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var moving = await BookAsync(doctorId, TuesdayNine);
        var cancelled = await BookAsync(doctorId, WednesdayTen);
        await CancelAsync(cancelled.Id);

        var response = await RescheduleAsync(moving.Id, WednesdayTen);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [ProviderFact]
    public async Task Rescheduling_to_the_half_hour_that_overlaps_its_own_slot_succeeds()
    {
        var doctorId = await Clinic.Doctor().SlotsOf(60).WorksWeekdays(("09:00", "14:00")).SaveAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await RescheduleAsync(booked.Id, TuesdayNine.AddHours(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TuesdayNine.AddHours(2).UtcDateTime, (await Appointments.ReadAsync(booked.Id)).EndsAt);
    }

    [ProviderFact]
    public async Task Rescheduling_to_its_own_start_changes_nothing_and_returns_200()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await RescheduleAsync(booked.Id, "2026-03-17T08:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-03-17T09:00:00+01:00", (await response.ReadJsonAsync()).GetProperty("startsAt").GetString());
        Assert.Equal(["Booked"], (await Appointments.EventsAsync(booked.Id)).Select(e => e.Kind));
    }

    [ProviderTheory]
    [InlineData("2026-03-16T07:30:00+01:00", "already passed")] // before now (08:00 in Madrid)
    [InlineData("2026-03-17T09:10:00+01:00", "grid")]
    [InlineData("2026-03-17T14:00:00+01:00", "does not work")]
    [InlineData("2026-03-21T10:00:00+01:00", "does not work")] // a Saturday
    [InlineData("2026-06-15T09:00:00+02:00", "90 days")]
    public async Task Rescheduling_to_a_time_booking_would_refuse_returns_400_naming_startsAt(
        string startsAt,
        string why
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await RescheduleAsync(booked.Id, startsAt);

        var messages = await response.AssertFieldErrorAsync("startsAt");
        Assert.Contains(messages, m => m.Contains(why, StringComparison.Ordinal));
        Assert.Equal(TuesdayNine.UtcDateTime, (await Appointments.ReadAsync(booked.Id)).StartsAt);
    }

    [ProviderFact]
    public async Task Rescheduling_into_the_doctors_time_off_returns_400()
    {
        var doctorId = await Clinic
            .Doctor()
            .WorksWeekdays(("09:00", "14:00"))
            .Away(new DateTime(2026, 3, 18, 0, 0, 0), new DateTime(2026, 3, 19, 0, 0, 0))
            .SaveAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await RescheduleAsync(booked.Id, WednesdayTen);

        var messages = await response.AssertFieldErrorAsync("startsAt");
        Assert.Contains(messages, m => m.Contains("away", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task A_start_without_an_offset_returns_400_malformed_request()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await RescheduleAsync(booked.Id, "2026-03-18T10:00:00");

        await response.AssertFieldErrorAsync("startsAt", "/problems/malformed-request");
    }

    [ProviderFact]
    public async Task A_missing_start_returns_400_naming_startsAt()
    {
        var response = await Client.PostJsonTextAsync($"/api/appointments/{Guid.CreateVersion7()}/reschedule", "{}");

        await response.AssertFieldErrorAsync("startsAt");
    }

    [ProviderFact]
    public async Task Rescheduling_a_cancelled_appointment_returns_409_status_conflict()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);
        await CancelAsync(booked.Id);

        var response = await RescheduleAsync(booked.Id, WednesdayTen);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        Assert.Equal("Cancelled", problem.GetProperty("appointmentStatus").GetString());
        Assert.Equal(TuesdayNine.UtcDateTime, (await Appointments.ReadAsync(booked.Id)).StartsAt);
    }

    [ProviderFact]
    public async Task Rescheduling_an_appointment_that_has_started_returns_409_status_conflict()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var started = await Appointments.InsertAsync(doctorId, patientId, ClinicApp.Now.AddMinutes(-10));

        var response = await RescheduleAsync(started, WednesdayTen);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
    }

    [ProviderFact]
    public async Task Rescheduling_an_unknown_appointment_returns_404()
    {
        var response = await RescheduleAsync(Guid.CreateVersion7(), WednesdayTen);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task A_patient_reschedules_through_the_mediator_and_the_history_says_so()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine, actor: Actor.Patient);

        var moved = await Mediator.Send(new RescheduleAppointmentCommand(booked.Id, WednesdayTen, Actor.Patient));

        Assert.Equal(WednesdayTen, moved.StartsAt);
        Assert.Equal(TimeSpan.FromHours(1), moved.StartsAt.Offset);
        Assert.All(await Appointments.EventsAsync(booked.Id), e => Assert.Equal("patient", e.Actor));
    }

    /// <summary>Compares every column, including the hash's bytes.</summary>
    private sealed class StoredAppointmentComparer : IEqualityComparer<StoredAppointment>
    {
        public static readonly StoredAppointmentComparer Instance = new();

        public bool Equals(StoredAppointment? x, StoredAppointment? y) =>
            x is not null
            && y is not null
            && x with { ManageTokenHash = null } == y with { ManageTokenHash = null }
            && (x.ManageTokenHash ?? []).SequenceEqual(y.ManageTokenHash ?? []);

        public int GetHashCode(StoredAppointment obj) => obj.Id.GetHashCode();
    }
}

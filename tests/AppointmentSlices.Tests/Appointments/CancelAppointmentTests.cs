using System.Net;
using System.Net.Http.Json;
using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using FluentValidation;
using Xunit;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class CancelAppointmentTests(PostgresFixture database, ClinicHost host)
    : AppointmentTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Cancelling_returns_the_cancelled_appointment_and_frees_its_slot_at_once()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);
        Assert.DoesNotContain("2026-03-17T09:00:00+01:00", await FreeSlotsAsync(doctorId, "2026-03-17"));

        var response = await CancelAsync(booked.Id, "  Ya me encuentro mejor ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Cancelled", body.GetProperty("status").GetString());
        Assert.Equal("Ya me encuentro mejor", body.GetProperty("cancellationReason").GetString());
        Assert.Equal("2026-03-17T09:00:00+01:00", body.GetProperty("startsAt").GetString());
        Assert.Contains("2026-03-17T09:00:00+01:00", await FreeSlotsAsync(doctorId, "2026-03-17"));
        var stored = await Appointments.ReadAsync(booked.Id);
        Assert.Equal("Cancelled", stored.Status);
        Assert.Equal("Ya me encuentro mejor", stored.CancellationReason);
    }

    [ProviderFact]
    public async Task A_cancelled_slot_can_be_booked_again()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var first = await BookAsync(doctorId, TuesdayNine);
        await CancelAsync(first.Id);

        var second = await BookAsync(doctorId, TuesdayNine);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("Scheduled", (await Appointments.ReadAsync(second.Id)).Status);
    }

    [ProviderFact]
    public async Task Cancelling_records_a_cancelled_event_with_the_reason_and_who_cancelled()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        await CancelAsync(booked.Id, "Viaje de trabajo");

        var events = await Appointments.EventsAsync(booked.Id);
        Assert.Equal(["Booked", "Cancelled"], events.Select(e => e.Kind));
        Assert.Equal(
            new StoredEvent(
                "Cancelled",
                "Cancelled",
                ClientActor,
                TuesdayNine.UtcDateTime,
                TuesdayNine.AddMinutes(30).UtcDateTime,
                "Viaje de trabajo"
            ),
            events[1]
        );
    }

    [ProviderFact]
    public async Task Cancelling_without_a_body_or_reason_is_allowed()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await Client.PostAsync($"/api/appointments/{booked.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Appointments.ReadAsync(booked.Id);
        Assert.Equal("Cancelled", stored.Status);
        Assert.Null(stored.CancellationReason);
    }

    [ProviderFact]
    public async Task Cancelling_twice_returns_409_status_conflict_and_records_one_cancellation()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(booked.Id, "Primera")).StatusCode);

        var again = await CancelAsync(booked.Id, "Segunda");

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        Assert.Equal("Cancelled", problem.GetProperty("appointmentStatus").GetString());
        Assert.Equal(["Booked", "Cancelled"], (await Appointments.EventsAsync(booked.Id)).Select(e => e.Kind));
        Assert.Equal("Primera", (await Appointments.ReadAsync(booked.Id)).CancellationReason);
    }

    [ProviderFact]
    public async Task Cancelling_an_appointment_that_has_started_returns_409_status_conflict()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var friday = await Appointments.InsertAsync(
            doctorId,
            patientId,
            new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.FromHours(1))
        );
        var startedNow = await Appointments.InsertAsync(doctorId, patientId, ClinicApp.Now);

        var past = await CancelAsync(friday);
        var now = await CancelAsync(startedNow);

        await past.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        await now.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        Assert.Equal("Scheduled", (await Appointments.ReadAsync(friday)).Status);
        Assert.Empty(await Appointments.EventsAsync(friday));
    }

    [ProviderTheory]
    [InlineData("Completed")]
    [InlineData("NoShow")]
    public async Task Cancelling_an_appointment_with_an_outcome_returns_409_status_conflict(string status)
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var id = await Appointments.InsertAsync(doctorId, patientId, TuesdayNine, status);

        var response = await CancelAsync(id);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        Assert.Equal(status, problem.GetProperty("appointmentStatus").GetString());
    }

    [ProviderFact]
    public async Task Cancelling_an_unknown_appointment_returns_404()
    {
        var response = await CancelAsync(Guid.CreateVersion7());

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task A_cancellation_reason_over_500_characters_returns_400_naming_the_reason()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await CancelAsync(booked.Id, new string('x', 501));

        await response.AssertFieldErrorAsync("reason");
        Assert.Equal("Scheduled", (await Appointments.ReadAsync(booked.Id)).Status);
    }

    [ProviderFact]
    public async Task A_cancellation_reason_may_span_lines_but_not_hold_other_control_characters()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var refused = await CancelAsync(booked.Id, "Gripe\u0007");
        var accepted = await CancelAsync(booked.Id, "Gripe\ncon fiebre");

        await refused.AssertFieldErrorAsync("reason");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Gripe\ncon fiebre", (await Appointments.ReadAsync(booked.Id)).CancellationReason);
    }

    [ProviderFact]
    public async Task A_cancellation_body_that_is_not_json_returns_400_malformed_request()
    {
        var response = await Client.PostJsonTextAsync(
            $"/api/appointments/{Guid.CreateVersion7()}/cancel",
            "{ reason: "
        );

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-request");
    }

    [ProviderFact]
    public async Task The_back_office_cancels_through_the_mediator_as_staff()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var cancelled = await Mediator.Send(
            new CancelAppointmentCommand(booked.Id, "La doctora está enferma", Actor.Staff)
        );

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal("La doctora está enferma", cancelled.CancellationReason);
        Assert.Equal("staff", (await Appointments.EventsAsync(booked.Id))[1].Actor);
    }

    [ProviderFact]
    public async Task A_command_without_an_actor_is_refused_before_anything_changes()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        await Assert.ThrowsAsync<ValidationException>(async () =>
            await Mediator.Send(new CancelAppointmentCommand(booked.Id, null, default))
        );

        Assert.Equal("Scheduled", (await Appointments.ReadAsync(booked.Id)).Status);
    }
}

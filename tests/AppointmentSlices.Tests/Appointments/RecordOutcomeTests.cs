using System.Net;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.RecordOutcome;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using FluentValidation;
using Xunit;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class RecordOutcomeTests(PostgresFixture database, ClinicHost host)
    : AppointmentTest(database, host),
        IClassFixture<ClinicHost>
{
    /// <summary>Friday 13 March 2026, 09:00 in Madrid: before the test clock.</summary>
    private static readonly DateTimeOffset LastFriday = new(2026, 3, 13, 9, 0, 0, TimeSpan.FromHours(1));

    [ProviderTheory]
    [InlineData("Completed", "Completed")]
    [InlineData("NoShow", "NoShow")]
    [InlineData("noshow", "NoShow")]
    public async Task Recording_an_outcome_of_a_past_appointment_sets_its_status_and_records_it(
        string outcome,
        string status
    )
    {
        var id = await PastAppointmentAsync();

        var response = await RecordOutcomeAsync(id, outcome);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(status, (await Appointments.ReadAsync(id)).Status);
        var recorded = Assert.Single(await Appointments.EventsAsync(id));
        Assert.Equal(
            new StoredEvent(
                status,
                status,
                ClientActor,
                LastFriday.UtcDateTime,
                LastFriday.AddMinutes(30).UtcDateTime,
                null
            ),
            recorded
        );
    }

    [ProviderFact]
    public async Task An_outcome_can_be_recorded_from_the_moment_the_appointment_starts()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var startingNow = await Appointments.InsertAsync(doctorId, patientId, ClinicApp.Now);

        var response = await RecordOutcomeAsync(startingNow, "Completed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [ProviderFact]
    public async Task Recording_an_outcome_before_the_appointment_starts_returns_409_status_conflict()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var response = await RecordOutcomeAsync(booked.Id, "Completed");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        Assert.Equal("Scheduled", problem.GetProperty("appointmentStatus").GetString());
        Assert.Equal("Scheduled", (await Appointments.ReadAsync(booked.Id)).Status);
    }

    [ProviderFact]
    public async Task An_outcome_is_final_a_second_one_returns_409_status_conflict()
    {
        var id = await PastAppointmentAsync();
        Assert.Equal(HttpStatusCode.OK, (await RecordOutcomeAsync(id, "Completed")).StatusCode);

        var again = await RecordOutcomeAsync(id, "NoShow");

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        Assert.Equal("Completed", problem.GetProperty("appointmentStatus").GetString());
        Assert.Equal("Completed", (await Appointments.ReadAsync(id)).Status);
        Assert.Single(await Appointments.EventsAsync(id));
    }

    [ProviderFact]
    public async Task A_cancelled_appointment_gets_no_outcome()
    {
        var id = await PastAppointmentAsync("Cancelled");

        var response = await RecordOutcomeAsync(id, "NoShow");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
    }

    [ProviderTheory]
    [InlineData("Cancelled")]
    [InlineData("Scheduled")]
    [InlineData("Done")]
    [InlineData("")]
    public async Task An_outcome_other_than_completed_or_no_show_returns_400_naming_outcome(string outcome)
    {
        var id = await PastAppointmentAsync();

        var response = await RecordOutcomeAsync(id, outcome);

        await response.AssertFieldErrorAsync("outcome");
        Assert.Equal("Scheduled", (await Appointments.ReadAsync(id)).Status);
    }

    [ProviderFact]
    public async Task A_missing_outcome_returns_400_naming_outcome()
    {
        var id = await PastAppointmentAsync();

        var response = await Client.PostJsonTextAsync($"/api/appointments/{id}/outcome", "{}");

        await response.AssertFieldErrorAsync("outcome");
    }

    [ProviderFact]
    public async Task Recording_an_outcome_of_an_unknown_appointment_returns_404()
    {
        var response = await RecordOutcomeAsync(Guid.CreateVersion7(), "Completed");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task Staff_record_outcomes_through_the_mediator()
    {
        var id = await PastAppointmentAsync();

        var details = await Mediator.Send(new RecordOutcomeCommand(id, "NoShow", Actor.Staff));

        Assert.Equal("NoShow", details.Status);
        Assert.Equal("staff", Assert.Single(await Appointments.EventsAsync(id)).Actor);
    }

    [ProviderFact]
    public async Task An_unknown_outcome_through_the_mediator_is_a_validation_error()
    {
        var id = await PastAppointmentAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await Mediator.Send(new RecordOutcomeCommand(id, "Maybe", Actor.Staff))
        );

        Assert.Contains(error.Errors, e => e.PropertyName == "Outcome");
    }

    private async Task<Guid> PastAppointmentAsync(string status = "Scheduled")
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        return await Appointments.InsertAsync(doctorId, patientId, LastFriday, status);
    }
}

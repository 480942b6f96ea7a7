using System.Net;
using System.Text.Json;
using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointmentHistory;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class AppointmentHistoryTests(PostgresFixture database, ClinicHost host)
    : AppointmentTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Booking_through_the_api_records_a_booked_event_by_the_api()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var created = await (await Client.BookAsync(ForNewPatient(doctorId))).ReadJsonAsync();

        var response = await Client.GetAsync($"/api/appointments/{created.GetProperty("id").GetGuid()}/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var booked = Assert.Single((await response.ReadJsonAsync()).EnumerateArray());
        Assert.Equal("Booked", booked.GetProperty("kind").GetString());
        Assert.Equal("Scheduled", booked.GetProperty("status").GetString());
        Assert.Equal(ClientActor, booked.GetProperty("actor").GetString());
        Assert.Equal("2026-03-16T08:00:00+01:00", booked.GetProperty("occurredAt").GetString());
        Assert.Equal("2026-03-17T09:00:00+01:00", booked.GetProperty("startsAt").GetString());
        Assert.Equal("2026-03-17T09:30:00+01:00", booked.GetProperty("endsAt").GetString());
        Assert.Equal(JsonValueKind.Null, booked.GetProperty("note").ValueKind);
    }

    [ProviderFact]
    public async Task The_history_lists_every_change_oldest_first_with_who_made_it()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine, actor: Actor.Patient);
        var wednesday = new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.FromHours(1));
        var thursday = new DateTimeOffset(2026, 3, 19, 11, 0, 0, TimeSpan.FromHours(1));
        await RescheduleAsync(booked.Id, wednesday);
        await RescheduleAsync(booked.Id, thursday);
        await Mediator.Send(new CancelAppointmentCommand(booked.Id, "Gripe", Actor.Patient));

        var history = await Mediator.Send(new GetAppointmentHistoryQuery(booked.Id));

        Assert.Equal(["Booked", "Rescheduled", "Rescheduled", "Cancelled"], history.Select(e => e.Kind));
        Assert.Equal(["patient", ClientActor, ClientActor, "patient"], history.Select(e => e.Actor));
        Assert.Equal(["Scheduled", "Scheduled", "Scheduled", "Cancelled"], history.Select(e => e.Status));
        Assert.Equal([TuesdayNine, wednesday, thursday, thursday], history.Select(e => e.StartsAt));
        Assert.Equal([null, null, null, "Gripe"], history.Select(e => e.Note));
        Assert.All(history, e => Assert.Equal(TimeSpan.FromHours(1), e.OccurredAt.Offset));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.OccurredAt < p.Second.OccurredAt));
    }

    [ProviderFact]
    public async Task Event_times_follow_the_clock()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);

        var history = await Mediator.Send(new GetAppointmentHistoryQuery(booked.Id));

        Assert.Equal(ClinicApp.Now, Assert.Single(history).OccurredAt);
    }

    [ProviderFact]
    public async Task An_appointment_without_recorded_changes_has_an_empty_history()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var id = await Appointments.InsertAsync(doctorId, patientId, TuesdayNine);

        var response = await Client.GetAsync($"/api/appointments/{id}/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.ReadJsonAsync()).GetArrayLength());
    }

    [ProviderFact]
    public async Task The_history_of_an_unknown_appointment_returns_404()
    {
        var response = await Client.GetAsync($"/api/appointments/{Guid.CreateVersion7()}/history");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }
}

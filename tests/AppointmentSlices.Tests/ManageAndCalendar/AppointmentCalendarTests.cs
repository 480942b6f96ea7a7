using System.Net;
using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.RescheduleAppointment;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Xunit;

namespace AppointmentSlices.Tests.ManageAndCalendar;

/// <summary>GET /api/appointments/{id}/calendar.ics: one event on the doctor's wall clock, read by Ical.Net.</summary>
[Collection("Database")]
public sealed class AppointmentCalendarTests(PostgresFixture database, ClinicHost host)
    : BrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    // Madrid moves from UTC+01:00 to UTC+02:00 on Sunday 29 March 2026.
    private const string FridayBeforeTheChange = "2026-03-27T09:00:00+01:00";
    private const string MondayAfterTheChange = "2026-03-30T09:00:00+02:00";

    [ProviderTheory]
    [InlineData(FridayBeforeTheChange, "20260327T090000", "2026-03-27T08:00:00Z")]
    [InlineData(MondayAfterTheChange, "20260330T090000", "2026-03-30T07:00:00Z")]
    public async Task The_file_parses_back_with_the_doctors_zone_and_nine_oclock_on_both_sides_of_the_change(
        string startsAt,
        string localStart,
        string utcStart
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var booking = await BookAsync(doctorId, startsAt, reason: "Migraña", fullName: "Carmen Ortega");

        var response = await Client.GetAsync($"/api/appointments/{booking.Id}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains($"DTSTART;TZID=Europe/Madrid:{localStart}", text);
        Assert.DoesNotContain("Carmen", text);
        Assert.DoesNotContain("Migraña", text);

        var calendar = Calendar.Load(text)!;
        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Madrid", timeZone.TzId);
        var appointment = Assert.Single(calendar.Events);
        Assert.Equal(booking.Id.ToString(), appointment.Uid);
        Assert.Equal("Europe/Madrid", appointment.DtStart!.TzId);
        Assert.Equal("Europe/Madrid", appointment.DtEnd!.TzId);
        Assert.Equal((9, 0), (appointment.DtStart.Hour, appointment.DtStart.Minute));
        Assert.Equal((9, 30), (appointment.DtEnd.Hour, appointment.DtEnd.Minute));
        Assert.Equal(Instant(utcStart).UtcDateTime, appointment.DtStart.AsUtc);
        Assert.Equal("Appointment with Andrés Molina Ruiz", appointment.Summary);
        Assert.Equal("CONFIRMED", appointment.Status);
        Assert.Equal(0, appointment.Sequence);
    }

    [ProviderFact]
    public async Task A_move_raises_the_sequence_and_a_cancellation_marks_the_event_cancelled()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);

        await Mediator.Send(new RescheduleAppointmentCommand(booking.Id, Instant(TuesdayTen), Actor.Patient));
        var moved = await ReadEventAsync(booking.Id);
        await Mediator.Send(new CancelAppointmentCommand(booking.Id, "Ya estoy mejor", Actor.Patient));
        var cancelled = await ReadEventAsync(booking.Id);

        Assert.Equal(1, moved.Sequence);
        Assert.Equal((10, 0), (moved.DtStart!.Hour, moved.DtStart.Minute));
        Assert.Equal("CONFIRMED", moved.Status);
        Assert.Equal(2, cancelled.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(booking.Id.ToString(), cancelled.Uid);
    }

    [ProviderFact]
    public async Task An_unknown_appointment_has_no_calendar_file()
    {
        var response = await Client.GetAsync($"/api/appointments/{Guid.CreateVersion7()}/calendar.ics");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    private async Task<CalendarEvent> ReadEventAsync(Guid appointmentId)
    {
        var text = await Client.GetStringAsync($"/api/appointments/{appointmentId}/calendar.ics");
        return Assert.Single(Calendar.Load(text)!.Events);
    }
}

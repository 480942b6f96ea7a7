using System.Net;
using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Ical.Net;
using Xunit;

namespace AppointmentSlices.Tests.ManageAndCalendar;

/// <summary>GET /api/doctors/{id}/calendar.ics: the doctor's live appointments as one subscribable calendar.</summary>
[Collection("Database")]
public sealed class DoctorCalendarFeedTests(PostgresFixture database, ClinicHost host)
    : BrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task The_feed_lists_scheduled_and_completed_appointments_and_leaves_out_cancelled_ones()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var otherDoctorId = await Clinic.AddMadridDoctorAsync("Elena Vidal Pons");
        var scheduled = await BookAsync(doctorId, TuesdayNine, reason: "Migraña", fullName: "Carmen Ortega");
        var cancelled = await BookAsync(doctorId, TuesdayTen);
        await Mediator.Send(new CancelAppointmentCommand(cancelled.Id, null, Actor.Staff));
        var otherDoctors = await BookAsync(otherDoctorId, TuesdayNine);

        var appointments = new TestAppointments(Data);
        var patientId = await Clinic.AddPatientAsync("Jorge Navarro");
        var lastWeek = ClinicApp.Now.AddDays(-7).AddHours(2);
        var completed = await appointments.InsertAsync(doctorId, patientId, lastWeek, "Completed");
        var noShow = await appointments.InsertAsync(doctorId, patientId, lastWeek.AddDays(1), "NoShow");
        var longAgo = await appointments.InsertAsync(doctorId, patientId, ClinicApp.Now.AddDays(-40), "Completed");

        var response = await Client.GetAsync($"/api/doctors/{doctorId}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        Assert.Equal("Europe/Madrid", Assert.Single(calendar.TimeZones).TzId);
        var uids = calendar.Events.Select(e => Guid.Parse(e.Uid!)).ToHashSet();
        Assert.Equal(new HashSet<Guid> { scheduled.Id, completed }, uids);
        Assert.DoesNotContain(cancelled.Id, uids);
        Assert.DoesNotContain(otherDoctors.Id, uids);
        Assert.DoesNotContain(noShow, uids);
        Assert.DoesNotContain(longAgo, uids);

        var carmen = calendar.Events.Single(e => e.Uid == scheduled.Id.ToString());
        Assert.Contains("Carmen Ortega", carmen.Summary);
        Assert.Equal("Europe/Madrid", carmen.DtStart!.TzId);
        Assert.Equal(Instant(TuesdayNine).UtcDateTime, carmen.DtStart.AsUtc);
        Assert.DoesNotContain("Migraña", text);
        Assert.DoesNotContain("Revisión anual", text);
    }

    [ProviderFact]
    public async Task An_unknown_doctor_has_no_feed()
    {
        var response = await Client.GetAsync($"/api/doctors/{Guid.CreateVersion7()}/calendar.ics");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }
}

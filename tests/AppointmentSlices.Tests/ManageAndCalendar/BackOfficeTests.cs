using System.Net;
using AngleSharp.Dom;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.ManageAndCalendar;

/// <summary>The back office's agenda, appointment search and appointment page, over HTTP.</summary>
[Collection("Database")]
public sealed class BackOfficeTests(PostgresFixture database, ClinicHost host)
    : BrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task The_agenda_lists_the_days_appointments_per_doctor_in_time_order()
    {
        var andres = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var elena = await Clinic.AddMadridDoctorAsync("Elena Vidal Pons");
        var late = await BookAsync(andres, TuesdayTen, fullName: "Carmen Ortega");
        var early = await BookAsync(andres, TuesdayNine, fullName: "Jorge Navarro");
        var elenas = await BookAsync(elena, TuesdayNine, fullName: "Lucía Ferrer");
        var nextDay = await BookAsync(andres, "2026-03-18T09:00:00+01:00", fullName: "Pablo Ruiz");

        var day = await (await Browser.GetAsync("/admin?date=2026-03-17")).ParseAsync();
        var oneDoctor = await (await Browser.GetAsync($"/admin?date=2026-03-17&doctorId={elena}")).ParseAsync();
        var today = await (await Browser.GetAsync("/admin")).ParseAsync();

        Assert.Equal([early.Id, late.Id], AppointmentLinks(day.QuerySelector($"#doctor-{andres}")!.ParentElement!));
        Assert.Equal([elenas.Id], AppointmentLinks(day.QuerySelector($"#doctor-{elena}")!.ParentElement!));
        Assert.DoesNotContain(nextDay.Id, AppointmentLinks(day.DocumentElement));
        Assert.Contains("Jorge Navarro", day.QuerySelector($"#doctor-{andres}")!.ParentElement!.TextContent);
        Assert.Contains("09:00–09:30", day.QuerySelector($"#doctor-{andres}")!.ParentElement!.TextContent);
        Assert.Equal(3, day.QuerySelectorAll(".status.status-Scheduled").Length);
        Assert.Equal([elenas.Id], AppointmentLinks(oneDoctor.DocumentElement));
        Assert.Contains("Monday 16 March 2026", today.QuerySelector("h1")?.TextContent);
        Assert.Empty(AppointmentLinks(today.DocumentElement));
    }

    [ProviderFact]
    public async Task Each_doctors_agenda_day_is_the_day_on_their_own_clock()
    {
        // Late on Tuesday in Pago Pago is Wednesday in Madrid; early on Tuesday in Kiritimati is still Monday there.
        var pagoPago = await Clinic
            .Doctor("Sina Tuilagi")
            .InZone("Pacific/Pago_Pago")
            .Works(DayOfWeek.Tuesday, "00:00", "24:00")
            .SaveAsync();
        var kiritimati = await Clinic
            .Doctor("Teata Kaiea")
            .InZone("Pacific/Kiritimati")
            .Works(DayOfWeek.Tuesday, "00:00", "24:00")
            .SaveAsync();
        var late = await BookAsync(pagoPago, "2026-03-17T23:30:00-11:00", fullName: "Carmen Ortega");
        var early = await BookAsync(kiritimati, "2026-03-17T00:30:00+14:00", fullName: "Jorge Navarro");

        var tuesday = await (await Browser.GetAsync("/admin?date=2026-03-17")).ParseAsync();
        var monday = await (await Browser.GetAsync("/admin?date=2026-03-16")).ParseAsync();
        var wednesday = await (await Browser.GetAsync("/admin?date=2026-03-18")).ParseAsync();

        Assert.Equal([late.Id], AppointmentLinks(tuesday.QuerySelector($"#doctor-{pagoPago}")!.ParentElement!));
        Assert.Equal([early.Id], AppointmentLinks(tuesday.QuerySelector($"#doctor-{kiritimati}")!.ParentElement!));
        Assert.Contains("23:30", tuesday.QuerySelector($"#doctor-{pagoPago}")!.ParentElement!.TextContent);
        Assert.Contains("00:30", tuesday.QuerySelector($"#doctor-{kiritimati}")!.ParentElement!.TextContent);
        Assert.Empty(AppointmentLinks(monday.DocumentElement));
        Assert.Empty(AppointmentLinks(wednesday.DocumentElement));
    }

    [ProviderFact]
    public async Task Staff_can_cancel_on_the_patients_behalf_and_the_history_says_staff_did()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var page = await (await Browser.GetAsync($"/admin/appointments/{booking.Id}")).ParseAsync();
        Assert.Null(page.QuerySelector("form.outcome-form"));

        var posted = await Browser.SubmitAsync(
            page.Form("form.cancel-form"),
            ("CancellationReason", "The patient phoned to cancel")
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await (await Browser.GetAsync(posted.Headers.Location!.OriginalString)).ParseAsync();
        Assert.Equal("Cancelled", after.QuerySelector("h1 .status")?.TextContent.Trim());
        Assert.Null(after.QuerySelector("form.cancel-form"));
        var rows = after.QuerySelectorAll("table.history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Booked"));
        var cancelled = Assert.Single(rows, r => r.Contains("Cancelled"));
        Assert.Contains(StaffActor, cancelled);
        Assert.Contains("The patient phoned to cancel", cancelled);
        Assert.Contains(Instant(TuesdayNine), await FreeStartsAsync(doctorId, "2026-03-17"));
    }

    [ProviderFact]
    public async Task Staff_can_move_an_appointment_to_a_free_slot()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var picker = await Browser.GetAsync($"/admin/appointments/{booking.Id}/reschedule?week=2026-03-17");

        var posted = await Browser.SubmitAsync(
            (await picker.ParseAsync()).Form("form.slot-picker"),
            ("NewStartsAt", TuesdayTen)
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var stored = await new TestAppointments(Data).ReadAsync(booking.Id);
        Assert.Equal(Instant(TuesdayTen).UtcDateTime, stored.StartsAt.ToUniversalTime());
        var events = await new TestAppointments(Data).EventsAsync(booking.Id);
        Assert.Equal(("Rescheduled", StaffActor), (events[^1].Kind, events[^1].Actor));
    }

    [ProviderFact]
    public async Task A_started_appointment_can_be_marked_as_a_no_show()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var appointments = new TestAppointments(Data);
        var started = await appointments.InsertAsync(doctorId, patientId, ClinicApp.Now.AddMinutes(-30));
        var page = await (await Browser.GetAsync($"/admin/appointments/{started}")).ParseAsync();
        Assert.Null(page.QuerySelector("form.cancel-form"));

        var posted = await Browser.SubmitAsync(page.Form("form.outcome-form"), ("outcome", "NoShow"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("NoShow", (await appointments.ReadAsync(started)).Status);
        var events = await appointments.EventsAsync(started);
        Assert.Equal(("NoShow", StaffActor), (events[^1].Kind, events[^1].Actor));
    }

    [ProviderFact]
    public async Task The_search_filters_by_status_and_pages_on_with_the_cursor()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var appointments = new TestAppointments(Data);
        var firstStart = new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 55; i++)
        {
            await appointments.InsertAsync(doctorId, patientId, firstStart.AddMinutes(30 * i));
        }

        var cancelled = await appointments.InsertAsync(doctorId, patientId, firstStart.AddDays(-1), "Cancelled");

        var first = await (await Browser.GetAsync("/admin/appointments?status=Scheduled")).ParseAsync();
        var next = first.QuerySelector(".pager a")?.GetAttribute("href");
        var second = await (await Browser.GetAsync(next)).ParseAsync();
        var onlyCancelled = await (await Browser.GetAsync("/admin/appointments?status=Cancelled")).ParseAsync();
        var badPatient = await (await Browser.GetAsync("/admin/appointments?patientId=nobody")).ParseAsync();

        Assert.Equal(50, AppointmentLinks(first.DocumentElement).Count);
        Assert.NotNull(next);
        Assert.Contains("status=Scheduled", next);
        Assert.Equal(5, AppointmentLinks(second.DocumentElement).Count);
        Assert.Empty(AppointmentLinks(first.DocumentElement).Intersect(AppointmentLinks(second.DocumentElement)));
        Assert.Null(second.QuerySelector(".pager a"));
        Assert.Equal([cancelled], AppointmentLinks(onlyCancelled.DocumentElement));
        Assert.False(string.IsNullOrWhiteSpace(badPatient.QuerySelector("[data-valmsg-for='PatientId']")?.TextContent));
    }

    [ProviderTheory]
    [InlineData("Status=Foo", "Status", "Status must be one of")]
    [InlineData("From=2026-99-99", "From", "2026-03-30")]
    [InlineData("From=2026-12-10&To=2026-12-01", "To", "after its start")]
    public async Task A_search_filter_that_cannot_be_used_shows_its_error_beside_it_and_no_results(
        string filters,
        string field,
        string message
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        await BookAsync(doctorId);

        var response = await Browser.GetAsync($"/admin/appointments?{filters}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent);
        Assert.Null(page.QuerySelector("table.data"));
        Assert.Null(page.QuerySelector(".empty"));
        Assert.Empty(AppointmentLinks(page.DocumentElement));
    }

    private static List<Guid> AppointmentLinks(IElement scope) =>
        scope
            .QuerySelectorAll("a[href^='/admin/appointments/']")
            .Select(a => a.GetAttribute("href")!["/admin/appointments/".Length..])
            .Where(id => Guid.TryParse(id, out _))
            .Select(Guid.Parse)
            .ToList();
}

using System.Net;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Ical.Net;
using Xunit;

namespace AppointmentSlices.Tests.ManageAndCalendar;

/// <summary>/manage/{token}: the patient sees, cancels and moves their own booking through the private link.</summary>
[Collection("Database")]
public sealed class ManagePageTests(PostgresFixture database, ClinicHost host)
    : BrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task The_link_shows_the_booking_on_the_doctors_clock_with_the_patients_own_reason()
    {
        var doctorId = await Clinic
            .Doctor("Andrés Molina Ruiz")
            .Specialty("Neurología")
            .WorksWeekdays(("09:00", "14:00"))
            .SaveAsync();
        var booking = await BookAsync(doctorId, TuesdayNine, reason: "Migraña");

        var response = await Browser.GetAsync($"/manage/{booking.Token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var page = await response.ParseAsync();
        var details = page.QuerySelector("dl.details")?.TextContent ?? "";
        Assert.Contains("Andrés Molina Ruiz", details);
        Assert.Contains("Neurología", details);
        Assert.Contains("Tuesday 17 March 2026", details);
        Assert.Contains("09:00–09:30", details);
        Assert.Contains("Europe/Madrid", details);
        Assert.Contains("Scheduled", details);
        Assert.Contains("Migraña", details);
        Assert.NotNull(page.QuerySelector("form.cancel-form"));
        Assert.NotNull(page.QuerySelector($"a[href='/manage/{booking.Token}/reschedule']"));
    }

    [ProviderFact]
    public async Task Cancelling_through_the_link_frees_the_slot_and_leaves_nothing_to_change()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        Assert.DoesNotContain(Instant(TuesdayNine), await FreeStartsAsync(doctorId, "2026-03-17"));
        var form = (await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync()).Form("form.cancel-form");

        var posted = await Browser.SubmitAsync(form, ("CancellationReason", "Ya estoy mejor"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/manage/{booking.Token}", posted.Headers.Location?.OriginalString);
        var page = await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync();
        Assert.Equal("Cancelled", page.QuerySelector(".appointment-status")?.TextContent.Trim());
        Assert.Contains("cancelled", page.QuerySelector("[role='status']")?.TextContent);
        Assert.Null(page.QuerySelector("form.cancel-form"));
        Assert.Null(page.QuerySelector("a[href$='/reschedule']"));
        Assert.Contains(Instant(TuesdayNine), await FreeStartsAsync(doctorId, "2026-03-17"));
        var stored = await new TestAppointments(Data).EventsAsync(booking.Id);
        Assert.Equal(("Cancelled", "patient", "Ya estoy mejor"), (stored[^1].Kind, stored[^1].Actor, stored[^1].Note));
        var picker = await (await Browser.GetAsync($"/manage/{booking.Token}/reschedule")).ParseAsync();
        Assert.Contains("was cancelled", picker.QuerySelector("[role='status']")?.TextContent);
        Assert.Null(picker.QuerySelector("form.slot-picker"));
    }

    [ProviderFact]
    public async Task A_cancel_posted_without_the_antiforgery_token_is_refused()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var form = (await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync()).Form("form.cancel-form");
        var forged = form with { Fields = form.Fields.Where(f => f.Key != HtmlForms.AntiforgeryField).ToList() };

        var posted = await Browser.SubmitAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("Scheduled", (await new TestAppointments(Data).ReadAsync(booking.Id)).Status);
    }

    [ProviderFact]
    public async Task Moving_through_the_link_to_a_free_slot_moves_the_appointment()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var picker = await OpenPickerAsync(booking.Token, "2026-03-17");

        var posted = await Browser.SubmitAsync(picker, ("NewStartsAt", TuesdayTen));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await (await Browser.GetAsync(posted.Headers.Location!.OriginalString)).ParseAsync();
        Assert.Contains("10:00–10:30", page.QuerySelector("dl.details")?.TextContent);
        Assert.Contains("moved", page.QuerySelector("[role='status']")?.TextContent);
        var free = await FreeStartsAsync(doctorId, "2026-03-17");
        Assert.Contains(Instant(TuesdayNine), free);
        Assert.DoesNotContain(Instant(TuesdayTen), free);
    }

    [ProviderFact]
    public async Task Moving_to_a_slot_taken_meanwhile_says_so_and_keeps_the_original_time()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var picker = await OpenPickerAsync(booking.Token, "2026-03-17");
        await BookAsync(doctorId, TuesdayTen);

        var posted = await Browser.SubmitAsync(picker, ("NewStartsAt", TuesdayTen));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await posted.ParseAsync();
        var alert = page.QuerySelector("[role='alert']")?.TextContent ?? "";
        Assert.Contains("taken", alert);
        Assert.Contains("has not changed", alert);
        var stored = await new TestAppointments(Data).ReadAsync(booking.Id);
        Assert.Equal(Instant(TuesdayNine).UtcDateTime, stored.StartsAt.ToUniversalTime());
        Assert.Equal("Scheduled", stored.Status);
    }

    [ProviderFact]
    public async Task Each_link_shows_its_own_booking_and_nothing_of_the_other()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var first = await BookAsync(doctorId, TuesdayNine, reason: "Migraña");
        var second = await BookAsync(doctorId, TuesdayTen, reason: "Alergia");

        var firstPage = await (await Browser.GetAsync($"/manage/{first.Token}")).Content.ReadAsStringAsync();
        var secondPage = await (await Browser.GetAsync($"/manage/{second.Token}")).Content.ReadAsStringAsync();

        Assert.Contains(first.Id.ToString(), firstPage);
        Assert.Contains("Migraña", firstPage);
        Assert.DoesNotContain(second.Id.ToString(), firstPage);
        Assert.DoesNotContain("Alergia", firstPage);
        Assert.Contains(second.Id.ToString(), secondPage);
        Assert.Contains("Alergia", secondPage);
        Assert.DoesNotContain(first.Id.ToString(), secondPage);
        Assert.DoesNotContain("Migraña", secondPage);
    }

    [ProviderFact]
    public async Task A_garbage_shortened_or_forged_token_finds_nothing()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var forged = ManageToken.Create();
        string[] tokens = ["garbage", booking.Token[..^1], booking.Token[1..] + "A", forged, booking.Id.ToString()];

        foreach (var token in tokens)
        {
            var path = $"/manage/{Uri.EscapeDataString(token)}";
            Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync($"{path}/reschedule")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync($"{path}/calendar.ics")).StatusCode);
        }
    }

    [ProviderFact]
    public async Task The_links_calendar_file_is_the_appointments_own()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var booking = await BookAsync(doctorId, reason: "Migraña");

        var response = await Browser.GetAsync($"/manage/{booking.Token}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(text, await Client.GetStringAsync($"/api/appointments/{booking.Id}/calendar.ics"));
        var appointment = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(booking.Id.ToString(), appointment.Uid);
        Assert.Equal("Appointment with Andrés Molina Ruiz", appointment.Summary);
        Assert.DoesNotContain(booking.Token, text);
    }

    [ProviderFact]
    public async Task A_booking_with_a_doctor_who_stopped_taking_bookings_can_be_cancelled_but_not_moved()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var deactivated = await Client.PostAsync($"/api/doctors/{doctorId}/deactivate?confirm=true", null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);

        var page = await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync();
        var picker = await (await Browser.GetAsync($"/manage/{booking.Token}/reschedule")).ParseAsync();

        Assert.Equal("Scheduled", page.QuerySelector(".appointment-status")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form.cancel-form"));
        Assert.Null(page.QuerySelector("a[href$='/reschedule']"));
        Assert.Contains("no longer takes bookings", page.QuerySelector("#move-title")?.ParentElement?.TextContent);
        Assert.Contains("no longer takes bookings", picker.QuerySelector("[role='status']")?.TextContent);
        Assert.Null(picker.QuerySelector("form.slot-picker"));
    }

    [ProviderFact]
    public async Task The_cancel_form_sent_again_shows_the_cancelled_booking_and_no_error()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var form = (await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync()).Form("form.cancel-form");
        await Browser.SubmitAsync(form, ("CancellationReason", "Ya estoy mejor"));

        var again = await Browser.SubmitAsync(form, ("CancellationReason", "Ya estoy mejor"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync();
        Assert.Equal("Cancelled", page.QuerySelector(".appointment-status")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[role='alert']"));
        var events = await new TestAppointments(Data).EventsAsync(booking.Id);
        Assert.Single(events, e => e.Kind == "Cancelled");
    }

    [ProviderFact]
    public async Task A_past_appointment_offers_no_cancel_or_move_and_refuses_one_posted_anyway()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booking = await BookAsync(doctorId);
        var cancelForm = (await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync()).Form(
            "form.cancel-form"
        );
        await MoveIntoThePastAsync(booking.Id);

        var page = await (await Browser.GetAsync($"/manage/{booking.Token}")).ParseAsync();
        var posted = await Browser.SubmitAsync(cancelForm);
        var picker = await Browser.GetAsync($"/manage/{booking.Token}/reschedule");

        Assert.Null(page.QuerySelector("form.cancel-form"));
        Assert.Null(page.QuerySelector("a[href$='/reschedule']"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.NotNull((await posted.ParseAsync()).QuerySelector("[role='alert']"));
        Assert.Null((await picker.ParseAsync()).QuerySelector("form.slot-picker"));
        Assert.Equal("Scheduled", (await new TestAppointments(Data).ReadAsync(booking.Id)).Status);
    }

    private async Task<HtmlForm> OpenPickerAsync(string token, string week)
    {
        var response = await Browser.GetAsync($"/manage/{token}/reschedule?week={week}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector($"button[name='NewStartsAt'][value='{TuesdayTen}']"));
        return page.Form("form.slot-picker");
    }

    // Booking refuses the past, so the test books ahead and then moves the row back: yesterday, same hour.
    private Task MoveIntoThePastAsync(Guid appointmentId)
    {
        var startsAt = ClinicApp.Now.AddDays(-1);
        return Data.MoveAppointmentAsync(appointmentId, startsAt, startsAt.AddMinutes(30));
    }
}

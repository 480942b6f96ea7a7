using System.Net;
using AngleSharp.Dom;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

/// <summary>The back office's doctor list, new doctor, details and time off pages, over HTTP.</summary>
[Collection("Database")]
public sealed class DoctorPagesTests(PostgresFixture database, ClinicHost host)
    : StaffBrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task The_list_shows_inactive_doctors_too_and_finds_them_by_name_or_specialty()
    {
        await Clinic.AddMadridDoctorAsync("Lucía Serrano Gil");
        await Clinic.Doctor("Retirado Antiguo").Specialty("Cardiología").Inactive().SaveAsync();

        var all = await PageForm.OpenAsync(Browser, "/admin/doctors");
        var byName = await PageForm.OpenAsync(Browser, "/admin/doctors?name=retirado");
        var bySpecialty = await PageForm.OpenAsync(Browser, "/admin/doctors?specialty=cardiologia");

        Assert.Equal(["Lucía Serrano Gil", "Retirado Antiguo"], Names(all));
        Assert.Contains("Inactive", all.QuerySelector("table.doctor-results")?.TextContent);
        Assert.Equal(["Retirado Antiguo"], Names(byName));
        Assert.Equal(["Retirado Antiguo"], Names(bySpecialty));
    }

    [ProviderFact]
    public async Task Adding_a_doctor_opens_their_working_hours()
    {
        var form = PageForm.Of(
            await PageForm.OpenAsync(Browser, "/admin/doctors/new"),
            "form.doctor-form",
            "/admin/doctors/new"
        );

        var posted = await Browser.PostAsync(
            form.Action,
            form.With(
                ("FullName", "Elena Ruiz Prado"),
                ("Specialty", "Dermatología"),
                ("TimeZone", "Atlantic/Canary"),
                ("SlotMinutes", "20")
            )
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location?.OriginalString ?? "";
        Assert.Matches("^/admin/doctors/[0-9a-f-]{36}/hours$", location);
        var doctor = await Client.GetDoctorAsync(Guid.Parse(location.Split('/')[3]));
        Assert.Equal("Atlantic/Canary", doctor.GetProperty("timeZone").GetString());
        Assert.Equal(20, doctor.GetProperty("slotMinutes").GetInt32());
        var hours = await PageForm.OpenAsync(Browser, location);
        Assert.Contains("working hours", hours.QuerySelector("[role='status']")?.TextContent);
    }

    [ProviderFact]
    public async Task A_new_doctor_with_bad_details_shows_each_error_beside_its_field()
    {
        var form = PageForm.Of(
            await PageForm.OpenAsync(Browser, "/admin/doctors/new"),
            "form.doctor-form",
            "/admin/doctors/new"
        );

        var posted = await Browser.PostAsync(form.Action, form.With(("FullName", ""), ("SlotMinutes", "500")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await PageForm.ParseAsync(posted);
        Assert.NotEqual("", Error(page, "FullName"));
        Assert.Contains("240", Error(page, "SlotMinutes"));
        Assert.Equal("", Error(page, "TimeZone"));
        Assert.Equal(0, await Data.CountDoctorsAsync());
    }

    [ProviderFact]
    public async Task Deactivating_a_doctor_with_bookings_lists_them_and_applies_only_when_asked_again()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        var path = $"/admin/doctors/{doctorId}";
        var status = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form[action*='handler=Deactivate']", path);

        var warned = await Browser.PostAsync(status.Action, status.With());

        var warning = await PageForm.ParseAsync(warned);
        Assert.Contains("Nothing has been changed", warning.QuerySelector(".affected-appointments")?.TextContent);
        var patient = await DoctorsApi.PatientOfAsync(Data, booked);
        Assert.Equal(patient.Name, DoctorsApi.PatientLinkText(warning, patient.Id));
        Assert.True((await Client.GetDoctorAsync(doctorId)).GetProperty("isActive").GetBoolean());

        var again = PageForm.Of(warning, "form[action*='handler=Deactivate']", path);
        var applied = await Browser.PostAsync(again.Action, again.With(("Confirm", "true")));

        var result = await PageForm.ParseAsync(applied);
        Assert.NotNull(result.QuerySelector($".affected-appointments a[href='/admin/appointments/{booked}']"));
        Assert.Equal(patient.Name, DoctorsApi.PatientLinkText(result, patient.Id));
        Assert.False((await Client.GetDoctorAsync(doctorId)).GetProperty("isActive").GetBoolean());
        Assert.NotNull(result.QuerySelector("form[action*='handler=Reactivate']"));
    }

    [ProviderFact]
    public async Task Saving_details_that_move_the_grid_asks_first()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await Client.BookedAsync(doctorId, "2026-03-17T09:30:00+01:00");
        var path = $"/admin/doctors/{doctorId}";
        var details = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form.doctor-form", path);

        var warned = await Browser.PostAsync(details.Action, details.With(("SlotMinutes", "45")));

        var warning = await PageForm.ParseAsync(warned);
        Assert.NotNull(warning.QuerySelector(".affected-appointments"));
        var patient = await DoctorsApi.PatientOfAsync(Data, booked);
        Assert.Equal(patient.Name, DoctorsApi.PatientLinkText(warning, patient.Id));
        Assert.Equal(
            "45",
            warning.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='SlotMinutes']")?.Value
        );
        Assert.Equal(30, (await Client.GetDoctorAsync(doctorId)).GetProperty("slotMinutes").GetInt32());

        var again = PageForm.Of(warning, "form.doctor-form", path);
        await Browser.PostAsync(again.Action, again.With(("SlotMinutes", "45"), ("Confirm", "true")));

        Assert.Equal(45, (await Client.GetDoctorAsync(doctorId)).GetProperty("slotMinutes").GetInt32());
    }

    [ProviderFact]
    public async Task Time_off_is_added_listed_and_removed_on_its_page()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var path = $"/admin/doctors/{doctorId}/time-off";
        var form = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form.doctor-form", path);

        var added = await Browser.PostAsync(
            form.Action,
            form.With(("Starts", "2026-03-18T09:00"), ("Ends", "2026-03-18T12:00"), ("Reason", "Congreso"))
        );

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await PageForm.OpenAsync(Browser, path);
        var list = page.QuerySelector("table.time-off-list")?.TextContent ?? "";
        Assert.Contains("Wednesday 18 March 2026, 09:00", list);
        Assert.Contains("Congreso", list);
        Assert.Equal("12:00", (await Client.FreeSlotsAsync(doctorId, "2026-03-18"))[0]);

        var remove = PageForm.Of(page, "table.time-off-list form", path);
        var removed = await Browser.PostAsync(remove.Action, remove.With());

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await PageForm.OpenAsync(Browser, path)).QuerySelector("table.time-off-list"));
        Assert.Equal("09:00", (await Client.FreeSlotsAsync(doctorId, "2026-03-18"))[0]);
    }

    [ProviderFact]
    public async Task Time_off_that_ends_before_it_starts_shows_the_error_beside_the_end()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var path = $"/admin/doctors/{doctorId}/time-off";
        var form = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form.doctor-form", path);

        var posted = await Browser.PostAsync(
            form.Action,
            form.With(("Starts", "2026-03-18T12:00"), ("Ends", "2026-03-18T09:00"))
        );

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await PageForm.ParseAsync(posted);
        Assert.Contains("after the start", Error(page, "Ends"));
        Assert.Equal("", Error(page, "Starts"));
    }

    private static string[] Names(IDocument page) =>
        page.QuerySelectorAll("table.doctor-results tbody tr td:first-child")
            .Select(td => td.TextContent.Trim())
            .ToArray();

    private static string Error(IDocument page, string name) =>
        page.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "(no message element)";
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

/// <summary>The working hours editor in the back office, over HTTP with its antiforgery cookie and token.</summary>
[Collection("Database")]
public sealed class HoursPageTests(PostgresFixture database, ClinicHost host)
    : StaffBrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string Monday = "Days[0].Intervals";
    private const string Tuesday = "Days[1].Intervals";

    [ProviderFact]
    public async Task The_form_shows_the_week_and_saving_it_stores_the_new_hours()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var path = HoursPath(doctorId);
        var page = await PageForm.OpenAsync(Browser, path);
        Assert.Equal("09:00", Input(page, $"{Monday}[0].Starts"));
        Assert.Equal("18:00", Input(page, $"{Monday}[1].Ends"));
        Assert.Equal("", Input(page, $"{Monday}[2].Starts"));
        var form = PageForm.Of(page, "form.hours-form", path);

        var posted = await Browser.PostAsync(
            form.Action,
            form.With(
                Cleared(
                    form,
                    ($"{Monday}[0].Starts", "08:00"),
                    ($"{Monday}[0].Ends", "13:00"),
                    ($"{Tuesday}[1].Starts", "16:00"),
                    ($"{Tuesday}[1].Ends", "00:00")
                )
            )
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(path, posted.Headers.Location?.OriginalString);
        Assert.Equal(["Monday 08:00–13:00", "Tuesday 16:00–24:00"], await Client.HoursAsync(doctorId));
        var saved = await PageForm.OpenAsync(Browser, path);
        Assert.Contains("saved", saved.QuerySelector("[role='status']")?.TextContent);
        Assert.Equal("08:00", Input(saved, $"{Monday}[0].Starts"));
        Assert.Equal("16:00", Input(saved, $"{Tuesday}[0].Starts"));
        Assert.Equal("00:00", Input(saved, $"{Tuesday}[0].Ends"));
    }

    [ProviderTheory]
    [InlineData("Days[6].Intervals[0]")]
    [InlineData("Days[0].Intervals[99]")]
    public async Task A_post_that_leaves_out_days_is_refused_and_keeps_the_hours(string interval)
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var path = HoursPath(doctorId);
        var before = await Client.HoursAsync(doctorId);
        var form = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form.hours-form", path);
        var partial = form with { Fields = form.Fields.Where(f => f.Key == PageForm.AntiforgeryField).ToList() };

        var posted = await Browser.PostAsync(
            form.Action,
            partial.With(($"{interval}.Starts", "09:00"), ($"{interval}.Ends", "10:00"))
        );

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var page = await PageForm.ParseAsync(posted);
        Assert.Contains("incomplete", page.QuerySelector("[role='alert']")?.TextContent);
        Assert.Equal(before, await Client.HoursAsync(doctorId));
    }

    [ProviderFact]
    public async Task Overlapping_times_show_the_error_beside_the_interval_and_save_nothing()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var path = HoursPath(doctorId);
        var form = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form.hours-form", path);

        var posted = await Browser.PostAsync(
            form.Action,
            form.With(($"{Monday}[1].Starts", "13:00"), ($"{Tuesday}[0].Ends", "nine"))
        );

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await PageForm.ParseAsync(posted);
        Assert.Contains("overlaps", Error(page, $"{Monday}[1].Starts"));
        Assert.Contains("HH:mm", Error(page, $"{Tuesday}[0].Ends"));
        Assert.Equal("", Error(page, $"{Monday}[0].Starts"));
        Assert.Equal("13:00", Input(page, $"{Monday}[1].Starts"));
        Assert.Equal("Monday 09:00–14:00", (await Client.HoursAsync(doctorId))[0]);
    }

    [ProviderFact]
    public async Task Hours_that_strand_a_booking_list_it_and_apply_only_when_staff_apply_anyway()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var stranded = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        var path = HoursPath(doctorId);
        var form = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form.hours-form", path);
        var change = ($"{Tuesday}[0].Starts", "10:00");

        var warned = await Browser.PostAsync(form.Action, form.With(change));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var warning = await PageForm.ParseAsync(warned);
        var list = warning.QuerySelector(".affected-appointments")?.TextContent ?? "";
        Assert.Contains("Nothing has been changed", list);
        Assert.Contains("Tuesday 17 March 2026", list);
        Assert.Contains("09:00–09:30", list);
        var patient = await DoctorsApi.PatientOfAsync(Data, stranded);
        Assert.Equal(patient.Name, DoctorsApi.PatientLinkText(warning, patient.Id));
        Assert.DoesNotContain(patient.Id.ToString(), list);
        Assert.NotNull(warning.QuerySelector("button[name='Confirm'][value='true']"));
        Assert.Equal("Tuesday 09:00–14:00", (await Client.HoursAsync(doctorId))[2]);

        var again = PageForm.Of(warning, "form.hours-form", path);
        var applied = await Browser.PostAsync(again.Action, again.With(change, ("Confirm", "true")));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var result = await PageForm.ParseAsync(applied);
        Assert.Contains("Saved", result.QuerySelector(".affected-appointments")?.TextContent);
        Assert.NotNull(result.QuerySelector($"a[href='/admin/appointments/{stranded}']"));
        Assert.Equal(patient.Name, DoctorsApi.PatientLinkText(result, patient.Id));
        Assert.Equal("Tuesday 10:00–14:00", (await Client.HoursAsync(doctorId))[2]);
    }

    [ProviderFact]
    public async Task Posting_without_the_antiforgery_token_returns_400_and_saves_nothing()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var path = HoursPath(doctorId);
        var form = PageForm.Of(await PageForm.OpenAsync(Browser, path), "form.hours-form", path);

        var posted = await Browser.PostAsync(
            form.Action,
            form.WithoutAntiforgery().With(($"{Monday}[0].Starts", "07:00"))
        );

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("Monday 09:00–14:00", (await Client.HoursAsync(doctorId))[0]);
    }

    [ProviderFact]
    public async Task The_page_of_an_unknown_doctor_is_not_found()
    {
        var response = await Browser.GetAsync(HoursPath(Guid.CreateVersion7()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string HoursPath(Guid doctorId) => $"/admin/doctors/{doctorId}/hours";

    /// <summary>Every time input emptied, then the given ones set: the week becomes exactly these intervals.</summary>
    private static (string Name, string Value)[] Cleared(PageForm form, params (string Name, string Value)[] set) =>
        form
            .Fields.Where(f => f.Key.StartsWith("Days[", StringComparison.Ordinal))
            .Select(f => (f.Key, set.FirstOrDefault(s => s.Name == f.Key).Value ?? ""))
            .ToArray();

    private static string? Input(IDocument page, string name) =>
        page.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value;

    private static string Error(IDocument page, string name) =>
        page.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "(no message element)";
}

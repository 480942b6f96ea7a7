using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

/// <summary>The back office's patient pages over HTTP, posting forms with their antiforgery cookie and token.</summary>
[Collection("Database")]
public sealed class PatientPagesTests(PostgresFixture database, ClinicHost host)
    : StaffBrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    [ProviderFact]
    public async Task The_search_page_shows_the_patients_that_match()
    {
        var zoe = await Client.RegisterPatientAsync("Zoë O'Brien-Núñez", "zoe@example.org", "+34 612-345-678");
        await Client.RegisterPatientAsync("Luis Gil", "luis@example.org", "+34 699 000 111");

        var page = await OpenAsync("/admin/patients?q=nunez");

        var rows = page.QuerySelectorAll("table.patient-results tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("Zoë O'Brien-Núñez", row.TextContent);
        Assert.Contains("+34 612-345-678", row.TextContent);
        Assert.Equal($"/admin/patients/{zoe}", row.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("nunez", page.QuerySelector<IHtmlInputElement>("input[name='q']")?.Value);
    }

    [ProviderFact]
    public async Task The_search_page_pages_with_a_more_link()
    {
        for (var i = 0; i < 25; i++)
        {
            await Clinic.AddPatientAsync($"Paciente {i:00}", $"p{i}@example.org");
        }

        var first = await OpenAsync("/admin/patients");
        var more = first.QuerySelector("a.button[href*='cursor=']")?.GetAttribute("href");
        Assert.NotNull(more);
        var second = await OpenAsync(more);

        Assert.Equal(20, first.QuerySelectorAll("table.patient-results tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("table.patient-results tbody tr").Length);
        Assert.Null(second.QuerySelector("a.button[href*='cursor=']"));
    }

    [ProviderFact]
    public async Task Registering_through_the_form_opens_the_new_patients_record()
    {
        var form = await FormAsync("/admin/patients/new", "form.patient-form");

        var posted = await Browser.PostAsync(
            form.Action,
            form.With(("FullName", "Ólafur Þór"), ("Email", "olafur@example.is"), ("Phone", "+354 555 0199"))
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var record = await OpenAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal("Ólafur Þór", record.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("registered", record.QuerySelector("[role='status']")?.TextContent);
        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task The_edit_form_re_renders_with_the_error_next_to_a_bad_email_and_changes_nothing()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var form = await FormAsync($"/admin/patients/{id}", "form.patient-form");
        Assert.Contains(form.Fields, f => f.Key == "Email" && f.Value == "carmen@example.org");

        var posted = await Browser.PostAsync(form.Action, form.With(("Email", "carmen.example.org")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await ParseAsync(posted);
        var emailError = page.QuerySelector("[data-valmsg-for='Email']")?.TextContent.Trim();
        Assert.Contains("email", emailError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", page.QuerySelector("[data-valmsg-for='FullName']")?.TextContent.Trim());
        Assert.Equal("carmen.example.org", page.QuerySelector<IHtmlInputElement>("input[name='Email']")?.Value);
        var patient = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal("carmen@example.org", patient.GetProperty("email").GetString());
    }

    [ProviderFact]
    public async Task The_edit_form_says_when_the_email_belongs_to_another_patient()
    {
        await Client.RegisterPatientAsync("Luis Gil", "luis@example.org");
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var form = await FormAsync($"/admin/patients/{id}", "form.patient-form");

        var posted = await Browser.PostAsync(form.Action, form.With(("Email", "LUIS@example.org")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await ParseAsync(posted);
        Assert.Contains("Another patient", page.QuerySelector("[data-valmsg-for='Email']")?.TextContent);
    }

    [ProviderFact]
    public async Task Saving_the_edit_form_updates_the_patient()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var form = await FormAsync($"/admin/patients/{id}", "form.patient-form");

        var posted = await Browser.PostAsync(form.Action, form.With(("FullName", "Carmen Ortega Núñez")));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var record = await OpenAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal("Carmen Ortega Núñez", record.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("saved", record.QuerySelector("[role='status']")?.TextContent);
    }

    [ProviderFact]
    public async Task The_record_lists_the_patients_appointments_in_the_doctors_zone_with_links()
    {
        var doctor = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var appointment = await new PatientRows(Data).AddAppointmentAsync(
            doctor,
            id,
            new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.Zero)
        );

        var page = await OpenAsync($"/admin/patients/{id}");

        var row = Assert.Single(page.QuerySelectorAll("table.patient-appointments tbody tr"));
        Assert.Contains("Tuesday 17 March 2026", row.TextContent);
        Assert.Contains("09:00–09:30", row.TextContent);
        Assert.Contains("Europe/Madrid", row.TextContent);
        Assert.Contains("Andrés Molina Ruiz", row.TextContent);
        Assert.Contains("Scheduled", row.TextContent);
        Assert.Equal($"/admin/appointments/{appointment}", row.QuerySelector("a")?.GetAttribute("href"));
    }

    [ProviderFact]
    public async Task Erasing_asks_for_confirmation_first_then_erases()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var record = await OpenAsync($"/admin/patients/{id}");
        var eraseLink = record.QuerySelector("a.patient-erase-button")?.GetAttribute("href");
        Assert.Equal($"/admin/patients/{id}/erase", eraseLink);
        var form = await FormAsync(eraseLink!, "form.erase-form");

        var unconfirmed = await Browser.PostAsync(form.Action, form.With());

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var again = await ParseAsync(unconfirmed);
        Assert.Contains("Tick the box", again.QuerySelector("[data-valmsg-for='Confirm']")?.TextContent);
        Assert.Equal(
            "carmen@example.org",
            (await Client.GetPatientAsync(id)).GetProperty("patient").GetProperty("email").GetString()
        );

        var confirmed = await Browser.PostAsync(form.Action, form.With(("Confirm", "true")));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var erased = await OpenAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("Erased patient", erased.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(erased.QuerySelector("form.patient-form"));
        Assert.Null(erased.QuerySelector("a.patient-erase-button"));
    }

    [ProviderFact]
    public async Task Posting_the_edit_form_without_the_antiforgery_token_returns_400_and_changes_nothing()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        var form = await FormAsync($"/admin/patients/{id}", "form.patient-form");
        var withoutToken = form with { Fields = form.Fields.Where(f => f.Key != AntiforgeryField).ToList() };

        var posted = await Browser.PostAsync(form.Action, withoutToken.With(("FullName", "Otra")));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(
            "Carmen Ortega",
            (await Client.GetPatientAsync(id)).GetProperty("patient").GetProperty("fullName").GetString()
        );
    }

    [ProviderTheory]
    [InlineData("/admin/patients/{0}")]
    [InlineData("/admin/patients/{0}/erase")]
    public async Task An_unknown_patient_shows_the_not_found_page(string path)
    {
        var response = await Browser.GetAsync(string.Format(path, Guid.CreateVersion7()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("couldn't find", (await ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    private async Task<IDocument> OpenAsync(string path)
    {
        var response = await Browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    private async Task<PageForm> FormAsync(string path, string selector)
    {
        var page = await OpenAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>(selector);
        Assert.NotNull(form);
        var fields = form
            .Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type != "checkbox" || i.IsChecked))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        Assert.Contains(fields, f => f.Key == AntiforgeryField && f.Value.Length > 0);
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : path;
        return new PageForm(action, fields);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    private sealed record PageForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
    {
        /// <summary>The form as the browser would post it, with these entries changed or added.</summary>
        public FormUrlEncodedContent With(params (string Name, string Value)[] entries) =>
            new(
                Fields
                    .Where(f => entries.All(e => e.Name != f.Key))
                    .Concat(entries.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)))
            );
    }
}

using System.Net;
using AngleSharp.Dom;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AppointmentSlices.Tests.Localization;

/// <summary>Which language a page is in: the switcher's cookie, else the browser's languages, else Spanish.</summary>
[Collection("Database")]
public sealed class LanguageTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [Theory]
    [InlineData(null, "es", "Buscar médico")]
    [InlineData("fr-FR, de;q=0.8", "es", "Buscar médico")]
    [InlineData("en-US, en;q=0.9", "en", "Find a doctor")]
    [InlineData("es-MX", "es", "Buscar médico")]
    [InlineData("de-DE, en;q=0.5", "en", "Find a doctor")]
    public async Task The_browsers_languages_choose_the_page_language_and_Spanish_is_the_default(
        string? acceptLanguage,
        string lang,
        string heading
    )
    {
        using var browser = NewBrowser(acceptLanguage);

        var page = await (await browser.GetAsync("/")).ParseAsync();

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_switcher_remembers_the_choice_over_the_browsers_languages_and_goes_back()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        using var browser = NewBrowser("en-GB");
        var slots = $"/doctors/{doctorId}/slots?week=2026-03-17";
        var page = await (await browser.GetAsync(slots)).ParseAsync();

        var switched = await browser.SubmitAsync(page.Form("form.language-switch"), ("culture", "es"));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(slots, switched.Headers.Location?.OriginalString);
        var spanish = await (await browser.GetAsync(slots)).ParseAsync();
        Assert.Equal("es", spanish.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Martes, 17 de marzo de 2026", Headings(spanish));
        Assert.Contains("Semana siguiente", spanish.QuerySelector(".week-nav")?.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task The_switcher_only_goes_back_to_this_site(string returnUrl)
    {
        using var browser = NewBrowser(null);
        var page = await (await browser.GetAsync("/")).ParseAsync();

        var switched = await browser.SubmitAsync(
            page.Form("form.language-switch"),
            ("culture", "en"),
            ("returnUrl", returnUrl)
        );

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_changes_nothing()
    {
        using var browser = NewBrowser(null);
        var page = await (await browser.GetAsync("/")).ParseAsync();

        await browser.SubmitAsync(page.Form("form.language-switch"), ("culture", "xx-YY"));

        var after = await (await browser.GetAsync("/")).ParseAsync();
        Assert.Equal("es", after.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Booking_errors_are_in_the_pages_language_while_the_API_stays_English()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        using var browser = NewBrowser("es-ES");
        var path = $"/book?doctorId={doctorId}&startsAt={Uri.EscapeDataString("2026-03-17T09:00:00+01:00")}";
        var form = (await (await browser.GetAsync(path)).ParseAsync()).Form("form.booking-form", path);

        var posted = await browser.SubmitAsync(
            form,
            ("FullName", ""),
            ("Email", "ana@example.org"),
            ("Phone", "12"),
            ("Reason", new string('x', 501))
        );

        var page = await posted.ParseAsync();
        Assert.Equal("Rellene este campo.", ErrorFor(page, "FullName"));
        Assert.Equal("Escriba un teléfono como +34 612 345 678.", ErrorFor(page, "Phone"));
        Assert.Equal("Escriba como máximo 500 caracteres.", ErrorFor(page, "Reason"));
        Assert.Equal("", ErrorFor(page, "Email"));

        using var api = NewBrowser("es-ES");
        var problem = await api.PostAsync(
            "/api/appointments",
            JsonContent(
                new
                {
                    doctorId,
                    startsAt = "2026-03-17T09:00:00+01:00",
                    reason = "",
                }
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Contains("must not be empty", await problem.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("12345", "ana@example.org", "+34 612 345 678", "FullName", "Escriba un nombre con letras.")]
    [InlineData("Ana\u200B", "ana@example.org", "+34 612 345 678", "FullName", "caracteres invisibles")]
    [InlineData("Ana Ruiz", "a@b", "+34 612 345 678", "Email", "Escriba un correo electrónico como")]
    [InlineData("Ana Ruiz", "ana@example.org", "+-------", "Phone", "al menos 6 cifras")]
    public async Task The_patient_detail_rules_speak_spanish_on_the_booking_form(
        string fullName,
        string email,
        string phone,
        string field,
        string expected
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        using var browser = NewBrowser("es-ES");
        var path = $"/book?doctorId={doctorId}&startsAt={Uri.EscapeDataString("2026-03-17T09:00:00+01:00")}";
        var form = (await (await browser.GetAsync(path)).ParseAsync()).Form("form.booking-form", path);

        var posted = await browser.SubmitAsync(
            form,
            ("FullName", fullName),
            ("Email", email),
            ("Phone", phone),
            ("Reason", "Revisión")
        );

        Assert.Contains(expected, ErrorFor(await posted.ParseAsync(), field));
    }

    [Fact]
    public async Task On_a_missing_page_the_switcher_goes_back_to_the_address_asked_for()
    {
        using var browser = NewBrowser("en-GB");

        var missing = await browser.GetAsync("/doctors/not-a-doctor?x=1");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var page = await missing.ParseAsync();
        Assert.Equal("We couldn't find that page", page.QuerySelector("h1")?.TextContent.Trim());
        var returnUrl = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>(
            "form.language-switch [name=returnUrl]"
        );
        Assert.Equal("/doctors/not-a-doctor?x=1", returnUrl?.Value);
    }

    private HttpClient NewBrowser(string? acceptLanguage)
    {
        var browser = App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (acceptLanguage is not null)
        {
            browser.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return browser;
    }

    private static string ErrorFor(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "(no error element)";

    private static string Headings(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll("h3 .day-long").Select(h => h.TextContent.Trim()));

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

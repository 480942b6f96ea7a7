using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AppointmentSlices.Tests.Pages;

/// <summary>The patient's booking form, end to end over HTTP with its antiforgery cookie and token.</summary>
[Collection("Database")]
public sealed partial class BookingPageTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string TuesdayNine = "2026-03-17T09:00:00+01:00";
    private const string AntiforgeryField = "__RequestVerificationToken";

    private HttpClient Browser { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Browser = App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
    }

    public override async Task DisposeAsync()
    {
        Browser.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Booking_through_the_form_redirects_to_a_confirmation_of_the_booking()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var form = await OpenFormAsync(doctorId, TuesdayNine);

        var posted = await Browser.PostAsync(form.Action, form.With(Entries("carmen@example.org")));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location?.OriginalString ?? "";
        var match = ConfirmationPath().Match(location);
        Assert.True(match.Success, $"Redirected to '{location}'");
        var appointmentId = Guid.Parse(match.Groups["id"].Value);

        var confirmation = await Browser.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var page = await ParseAsync(confirmation);
        var details = page.QuerySelector("dl.details")?.TextContent ?? "";
        Assert.Contains("Andrés Molina Ruiz", details);
        Assert.Contains("Tuesday 17 March 2026", details);
        Assert.Contains("09:00–09:30", details);
        Assert.Contains("Europe/Madrid", details);
        Assert.Contains(appointmentId.ToString(), page.Body?.TextContent);

        var api = await Client.GetAsync($"/api/appointments/{appointmentId}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var appointment = await api.ReadJsonAsync();
        Assert.Equal(doctorId, appointment.GetProperty("doctorId").GetGuid());
        Assert.Equal(TuesdayNine, appointment.GetProperty("startsAt").GetString());
        Assert.Equal("Migraña", appointment.GetProperty("reason").GetString());
        Assert.Equal(1, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task A_bad_email_re_renders_the_form_with_the_error_next_to_the_email_field_and_books_nothing()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var form = await OpenFormAsync(doctorId, TuesdayNine);

        var posted = await Browser.PostAsync(form.Action, form.With(Entries("carmen.example.org")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await ParseAsync(posted);
        Assert.NotNull(page.QuerySelector("form.booking-form"));
        var emailError = page.QuerySelector("[data-valmsg-for='Email']")?.TextContent.Trim();
        Assert.Contains("email", emailError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", page.QuerySelector("[data-valmsg-for='FullName']")?.TextContent.Trim());
        Assert.Equal("", page.QuerySelector("[data-valmsg-for='Phone']")?.TextContent.Trim());
        Assert.Equal("carmen.example.org", page.QuerySelector<IHtmlInputElement>("input[name='Email']")?.Value);
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
        Assert.Equal(0, await Clinic.CountPatientsAsync());
    }

    [Fact]
    public async Task Posting_the_form_without_the_antiforgery_token_returns_400_and_books_nothing()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var form = await OpenFormAsync(doctorId, TuesdayNine);
        var withoutToken = form with { Fields = form.Fields.Where(f => f.Key != AntiforgeryField).ToList() };

        var posted = await Browser.PostAsync(form.Action, withoutToken.With(Entries("carmen@example.org")));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task The_form_says_so_when_the_slot_has_been_taken()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await Client.BookAsync(Booking.Requests.ForNewPatient(doctorId));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var response = await Browser.GetAsync(BookPath(doctorId, TuesdayNine));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Null(page.QuerySelector("form.booking-form"));
        Assert.NotNull(page.QuerySelector("[role='alert']"));
    }

    [Fact]
    public async Task The_same_form_sent_twice_shows_the_one_booking_with_its_manage_link_both_times()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var form = await OpenFormAsync(doctorId, TuesdayNine);

        var first = await Browser.PostAsync(form.Action, form.With(Entries("carmen@example.org")));
        var firstLink = await ManageLinkAfterAsync(first);
        var again = await Browser.PostAsync(form.Action, form.With(Entries("carmen@example.org")));
        var againLink = await ManageLinkAfterAsync(again);

        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(firstLink, againLink);
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync(firstLink)).StatusCode);
        Assert.Equal(1, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task The_same_form_sent_twice_at_once_books_once_and_both_sends_lead_to_that_booking()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var form = await OpenFormAsync(doctorId, TuesdayNine);

        var sends = await Task.WhenAll(
            Browser.PostAsync(form.Action, form.With(Entries("carmen@example.org"))),
            Browser.PostAsync(form.Action, form.With(Entries("carmen@example.org")))
        );

        Assert.All(sends, send => Assert.Equal(HttpStatusCode.Redirect, send.StatusCode));
        Assert.Equal(sends[0].Headers.Location, sends[1].Headers.Location);
        Assert.Equal(1, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task Another_persons_form_for_the_same_slot_is_told_the_slot_is_taken_and_gets_no_link()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var mine = await OpenFormAsync(doctorId, TuesdayNine);
        using var otherBrowser = App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        var theirs = await OpenFormAsync(doctorId, TuesdayNine, otherBrowser);
        Assert.NotEqual(LinkKeyOf(mine), LinkKeyOf(theirs));

        var booked = await Browser.PostAsync(mine.Action, mine.With(Entries("carmen@example.org")));
        var refused = await otherBrowser.PostAsync(theirs.Action, theirs.With(Entries("luis@example.org")));

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Contains("Someone else has just booked this slot", page.QuerySelector("[role='alert']")?.TextContent);
        Assert.Null(page.QuerySelector("#manage-url"));
        Assert.Equal(1, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task A_form_whose_link_key_was_tampered_with_still_books_with_a_fresh_link()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var form = await OpenFormAsync(doctorId, TuesdayNine);

        var posted = await Browser.PostAsync(
            form.Action,
            form.With([.. Entries("carmen@example.org"), ("LinkKey", "not-a-key")])
        );

        var link = await ManageLinkAfterAsync(posted);
        Assert.DoesNotContain("not-a-key", link);
        Assert.Equal(1, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task The_form_is_not_kept_in_any_cache()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Browser.GetAsync(BookPath(doctorId, TuesdayNine));

        Assert.True(response.Headers.CacheControl?.NoStore, "The booking form carries the link's secret.");
    }

    /// <summary>Follows a send's redirect to the confirmation and reads the manage link it shows.</summary>
    private async Task<string> ManageLinkAfterAsync(HttpResponseMessage send)
    {
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var confirmation = await ParseAsync(await Browser.GetAsync(send.Headers.Location!.OriginalString));
        var link = confirmation.QuerySelector("#manage-url")?.TextContent;
        Assert.False(string.IsNullOrEmpty(link), "The confirmation shows no manage link.");
        return link;
    }

    private static string LinkKeyOf(BookingForm form) => form.Fields.Single(f => f.Key == "LinkKey").Value;

    private async Task<BookingForm> OpenFormAsync(Guid doctorId, string startsAt, HttpClient? browser = null)
    {
        var response = await (browser ?? Browser).GetAsync(BookPath(doctorId, startsAt));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        var form = page.QuerySelector<IHtmlFormElement>("form.booking-form");
        Assert.NotNull(form);

        var fields = form
            .Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        Assert.Contains(fields, f => f.Key == AntiforgeryField && f.Value.Length > 0);
        Assert.Contains(fields, f => f.Key == "DoctorId" && f.Value == doctorId.ToString());
        Assert.Contains(fields, f => f.Key == "StartsAt" && Instant(f.Value) == Instant(startsAt));
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : BookPath(doctorId, startsAt);
        return new BookingForm(action, fields);
    }

    private static (string Name, string Value)[] Entries(string email) =>
        [("FullName", "Carmen Ortega"), ("Email", email), ("Phone", "+34 612 345 678"), ("Reason", "Migraña")];

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string BookPath(Guid doctorId, string startsAt) =>
        $"/book?doctorId={doctorId}&startsAt={Uri.EscapeDataString(startsAt)}";

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    [GeneratedRegex("^/book/confirmation/(?<id>[0-9a-fA-F-]{36})$")]
    private static partial Regex ConfirmationPath();

    private sealed record BookingForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
    {
        /// <summary>The form as the browser would post it, with the patient's entries filled in.</summary>
        public FormUrlEncodedContent With(params (string Name, string Value)[] entries) =>
            new(
                Fields
                    .Where(f => entries.All(e => e.Name != f.Key))
                    .Concat(entries.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)))
            );
    }
}

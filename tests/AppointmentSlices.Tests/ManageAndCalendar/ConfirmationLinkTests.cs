using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.ManageAndCalendar;

/// <summary>Right after a booking on the pages, the confirmation hands the patient their private manage link.</summary>
[Collection("Database")]
public sealed class ConfirmationLinkTests(PostgresFixture database, ClinicHost host)
    : BrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task The_confirmation_shows_a_working_manage_link_once()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var bookPath = $"/book?doctorId={doctorId}&startsAt={Uri.EscapeDataString(TuesdayNine)}";
        var form = (await (await Browser.GetAsync(bookPath)).ParseAsync()).Form("form.booking-form", bookPath);
        var posted = await Browser.SubmitAsync(
            form,
            ("FullName", "Carmen Ortega"),
            ("Email", "carmen@example.org"),
            ("Phone", "+34 612 345 678"),
            ("Reason", "Migraña")
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var confirmationPath = posted.Headers.Location!.OriginalString;

        var confirmation = await (await Browser.GetAsync(confirmationPath)).ParseAsync();
        var manageLink = confirmation.QuerySelector(".manage-link a[href*='/manage/']")?.GetAttribute("href");
        var calendarLink = confirmation.QuerySelector(".manage-link a[href$='/calendar.ics']")?.GetAttribute("href");
        var again = await (await Browser.GetAsync(confirmationPath)).ParseAsync();

        Assert.NotNull(manageLink);
        Assert.StartsWith("http://localhost/manage/", manageLink);
        Assert.Contains("Keep this link", confirmation.QuerySelector(".manage-link")?.TextContent);
        var manage = await Browser.GetAsync(new Uri(manageLink).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        var details = (await manage.ParseAsync()).QuerySelector("dl.details")?.TextContent;
        Assert.Contains("Andrés Molina Ruiz", details);
        Assert.Contains("Migraña", details);

        Assert.Equal($"{new Uri(manageLink).AbsolutePath}/calendar.ics", calendarLink);
        var calendar = await Browser.GetAsync(calendarLink);
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);

        Assert.Null(again.QuerySelector(".manage-link"));
        Assert.Contains("Andrés Molina Ruiz", again.QuerySelector("dl.details")?.TextContent);
    }
}

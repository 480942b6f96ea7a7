using System.Net;
using AppointmentSlices.Tests.Booking;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AppointmentSlices.Tests.Browser;

/// <summary>Staff signing in to the back office in a real Chromium and finding today's bookings.</summary>
[Collection("Database")]
public sealed class AgendaInChromiumTests(PostgresFixture database, ChromiumHost host)
    : ChromiumTest(database, host),
        IClassFixture<ChromiumHost>
{
    [Fact]
    public async Task Staff_sign_in_and_see_the_booking_in_the_days_agenda()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var request = new
        {
            doctorId,
            startsAt = "2026-03-16T10:00:00+01:00", // today on the tests' clock, two hours ahead
            reason = "Control de tensión",
            patient = new
            {
                fullName = "Carmen Ortega Díaz",
                email = "carmen.ortega@example.org",
                phone = "+34 612 345 678",
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await Client.BookAsync(request)).StatusCode);
        var email = await Data.AddStaffAsync(Features.Staff.StaffRoles.Receptionist);

        var page = await OpenAsync("/admin", locale: "es-ES");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffSessions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Agenda for Monday 16 March 2026");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Carmen Ortega Díaz" });
        await Expect(row).ToContainTextAsync("10:00–10:30");
        await Expect(row).ToContainTextAsync("Control de tensión");
        await ScreenshotAsync(page, "staff-agenda-laptop");
        await AssertAccessibleAsync(page);
    }
}

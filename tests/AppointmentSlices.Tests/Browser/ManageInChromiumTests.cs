using System.Net;
using AppointmentSlices.Tests.Booking;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AppointmentSlices.Tests.Browser;

/// <summary>A patient cancelling through the private link in a real Chromium, and the slot coming free.</summary>
[Collection("Database")]
public sealed class ManageInChromiumTests(PostgresFixture database, ChromiumHost host)
    : ChromiumTest(database, host),
        IClassFixture<ChromiumHost>
{
    [Fact]
    public async Task A_patient_cancels_from_the_manage_link_and_the_slot_is_free_again()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var booked = await Client.BookAsync(Requests.ForNewPatient(doctorId));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var token = (await booked.ReadJsonAsync()).GetProperty("manageToken").GetString();

        var page = await OpenAsync($"/manage/{token}", locale: "en-GB", screen: Phone);
        await Expect(page.Locator("dl.details")).ToContainTextAsync("Tuesday 17 March 2026");
        await Expect(page.Locator(".appointment-status")).ToHaveTextAsync("Scheduled");
        await ScreenshotAsync(page, "manage-en-phone");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Choose another time" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Days of the week" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move to Tuesday 17 March 2026 at 09:30" }))
            .ToBeVisibleAsync();
        await ScreenshotAsync(page, "reschedule-en-phone");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your appointment" }).ClickAsync();

        await page.GetByLabel("Reason for cancelling (optional)").FillAsync("I feel better");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this appointment" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your appointment is cancelled.");
        await Expect(page.Locator(".appointment-status")).ToHaveTextAsync("Cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel this appointment" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "manage-cancelled-en-phone");

        await page.GotoAsync($"/doctors/{doctorId}/slots?week=2026-03-17");
        var freedSlot = page.GetByRole(AriaRole.Link, new() { Name = "Book Tuesday 17 March 2026 at 09:00" });
        await Expect(freedSlot).ToBeVisibleAsync();
        await freedSlot.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Book this appointment" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "slot-free-again-en-phone");
    }
}

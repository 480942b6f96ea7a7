using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AppointmentSlices.Tests.Browser;

/// <summary>Spanish by default, English for English browsers, and the switcher's choice remembered.</summary>
[Collection("Database")]
public sealed class LanguagesInChromiumTests(PostgresFixture database, ChromiumHost host)
    : ChromiumTest(database, host),
        IClassFixture<ChromiumHost>
{
    [Fact]
    public async Task The_pages_render_in_Spanish_and_in_English_and_remember_the_switchers_choice()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var slots = $"/doctors/{doctorId}/slots";

        var spanish = await OpenAsync(slots, locale: "fr-FR");
        await Expect(spanish.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(spanish.GetByRole(AriaRole.Heading, new() { Level = 2 }))
            .ToHaveTextAsync("16 de marzo – 22 de marzo de 2026");
        await Expect(spanish.GetByRole(AriaRole.Link, new() { Name = "Semana siguiente" })).ToBeVisibleAsync();
        await ScreenshotAsync(spanish, "languages-es-laptop");

        await spanish.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(spanish).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{slots}$"));
        await Expect(spanish.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(spanish.GetByRole(AriaRole.Link, new() { Name = "Next week" })).ToBeVisibleAsync();
        await spanish.GotoAsync("/");
        await Expect(spanish.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Find a doctor");
        await Expect(spanish.GetByRole(AriaRole.Button, new() { Name = "English" }))
            .ToHaveAttributeAsync("aria-pressed", "true");

        var english = await OpenAsync(slots, locale: "en-US", screen: Phone);
        await Expect(english.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(english.GetByRole(AriaRole.Heading, new() { Level = 2 }))
            .ToHaveTextAsync("16 March – 22 March 2026");
        await Expect(english.GetByRole(AriaRole.Heading, new() { Name = "Tuesday 17 March 2026" })).ToBeVisibleAsync();
        await ScreenshotAsync(english, "languages-en-phone");
        await AssertAccessibleAsync(english);

        await english.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Expect(english.GetByRole(AriaRole.Heading, new() { Name = "Martes, 17 de marzo de 2026" }))
            .ToBeVisibleAsync();
    }
}

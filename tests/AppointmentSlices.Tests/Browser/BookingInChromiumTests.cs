using System.Text.RegularExpressions;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AppointmentSlices.Tests.Browser;

/// <summary>A patient finding a doctor, picking a slot in the week and booking it, in a real Chromium.</summary>
[Collection("Database")]
public sealed class BookingInChromiumTests(PostgresFixture database, ChromiumHost host)
    : ChromiumTest(database, host),
        IClassFixture<ChromiumHost>
{
    [Fact]
    public async Task A_patient_books_a_slot_from_the_week_and_sees_the_confirmation_with_the_manage_link()
    {
        await Clinic
            .Doctor("Andrés Molina Ruiz")
            .Specialty("Cardiología")
            .WorksWeekdays(("09:00", "14:00"))
            .SaveAsync();
        await Clinic.AddMadridDoctorAsync("Lucía Serrano Gil");
        var page = await OpenAsync("/");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Saltar al contenido" })).ToBeFocusedAsync();
        await ScreenshotAsync(page, "find-a-doctor-es-laptop");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ver horas libres con Andrés Molina Ruiz" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Andrés Molina Ruiz");
        await Expect(page.Locator(".zone-name").First).ToHaveTextAsync("Europe/Madrid");
        await ScreenshotAsync(page, "week-of-free-slots-es-laptop");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Martes, 17 de marzo de 2026 a las 09:00" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pedir cita" })).ToBeVisibleAsync();
        await page.GetByLabel("Nombre y apellidos").FillAsync("Carmen Ortega Díaz");
        await page.GetByLabel("Correo electrónico").FillAsync("carmen.ortega@example.org");
        await page.GetByLabel("Teléfono").FillAsync("+34 612 345 678");
        await page.GetByLabel("Motivo de la consulta").FillAsync("Revisión de la tensión");
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await ScreenshotAsync(page, "booking-form-es-phone");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reservar esta cita" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Su cita está reservada" })).ToBeVisibleAsync();
        var details = page.Locator("dl.details");
        await Expect(details).ToContainTextAsync("Andrés Molina Ruiz");
        await Expect(details).ToContainTextAsync("Martes, 17 de marzo de 2026");
        await Expect(details).ToContainTextAsync("09:00–09:30");
        await Expect(details).ToContainTextAsync("Europe/Madrid, UTC+01:00");
        await Expect(details).ToContainTextAsync("Programada");
        var manageLink = page.Locator(".manage-link a:has(code)");
        await Expect(manageLink)
            .ToHaveAttributeAsync("href", new Regex("^http://127\\.0\\.0\\.1:\\d+/manage/[A-Za-z0-9_-]{43}$"));
        await ScreenshotAsync(page, "confirmation-es-phone");
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Añadir al calendario" }).ClickAsync()
        );
        Assert.EndsWith(".ics", download.SuggestedFilename);
        Assert.Equal(1, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task Booking_works_with_JavaScript_turned_off()
    {
        await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var page = await OpenAsync("/", locale: "en-GB", screen: Phone, javaScript: false);

        await page.GetByRole(AriaRole.Link, new() { Name = "See free slots with Andrés Molina Ruiz" }).ClickAsync();
        var days = page.GetByRole(AriaRole.Navigation, new() { Name = "Days of the week" });
        await days.GetByRole(AriaRole.Link, new() { Name = "Tue 17" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#day-2026-03-17$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Tuesday 17 March 2026 at 10:30" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Carmen Ortega Díaz");
        await page.GetByLabel("Email").FillAsync("carmen.ortega@example.org");
        await page.GetByLabel("Phone").FillAsync("+34 612 345 678");
        await page.GetByLabel("Reason for the visit").FillAsync("Check-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this appointment" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your appointment is booked" }))
            .ToBeVisibleAsync();
        await Expect(page.Locator("dl.details")).ToContainTextAsync("10:30–11:00");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the link" })).ToBeHiddenAsync();
        await ScreenshotAsync(page, "confirmation-without-javascript-en-phone");
        Assert.Equal(1, await Clinic.CountAppointmentsAsync());
    }

    [Fact]
    public async Task A_field_error_appears_beside_its_field_and_the_form_keeps_what_was_typed()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var page = await OpenAsync(
            $"/book?doctorId={doctorId}&startsAt={Uri.EscapeDataString("2026-03-17T09:30:00+01:00")}",
            screen: Phone
        );

        await page.GetByLabel("Nombre y apellidos").FillAsync("Carmen Ortega Díaz");
        await page.GetByLabel("Correo electrónico").FillAsync("carmen.example.org");
        await page.GetByLabel("Teléfono").FillAsync("+34 612 345 678");
        await page.GetByLabel("Motivo de la consulta").FillAsync("Migraña");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reservar esta cita" }).ClickAsync();

        var emailField = page.Locator(".field").Filter(new() { Has = page.GetByLabel("Correo electrónico") });
        await Expect(emailField.Locator(".field-error"))
            .ToHaveTextAsync("Escriba un correo electrónico como ana@example.org.");
        await Expect(page.GetByLabel("Correo electrónico")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Correo electrónico")).ToHaveValueAsync("carmen.example.org");
        await Expect(page.GetByLabel("Nombre y apellidos")).ToHaveValueAsync("Carmen Ortega Díaz");
        await Expect(page.GetByLabel("Nombre y apellidos")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Corrija los datos señalados abajo.");
        await Expect(page.Locator("#form-errors")).ToBeFocusedAsync();
        await ScreenshotAsync(page, "field-error-es-phone");
        await AssertAccessibleAsync(page);
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }
}

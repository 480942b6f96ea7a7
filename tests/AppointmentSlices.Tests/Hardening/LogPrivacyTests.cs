using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AppointmentSlices.Tests.Hardening;

/// <summary>What the host logs of a whole booking, at every level, holds nothing a patient told the clinic.</summary>
[Collection("Database")]
public sealed class LogPrivacyTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string Name = "Inmaculada Berenguer Quintanilla";
    private const string Email = "inma.berenguer@example.org";
    private const string Phone = "+34 677 889 900";
    private const string Reason = "Migrañas recurrentes desde enero";
    private const string CancellationReason = "Tengo un viaje imprevisto";

    [ProviderFact]
    public async Task The_logs_of_a_booking_made_viewed_and_cancelled_hold_no_patient_data()
    {
        var logs = new CapturedLogs();
        await using var app = App.WithWebHostBuilder(builder =>
            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
        );
        using var browser = app.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var booked = await browser.BookAsync(
            new
            {
                doctorId,
                startsAt = "2026-03-17T09:00:00+01:00",
                reason = Reason,
                patient = new
                {
                    fullName = Name,
                    email = Email,
                    phone = Phone,
                },
            }
        );
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var token = (await booked.ReadJsonAsync()).GetProperty("manageToken").GetString()!;
        var manage = await browser.GetAsync($"/manage/{token}");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        var form = (await manage.ParseAsync()).Form("form.cancel-form");
        var cancelled = await browser.SubmitAsync(form, ("CancellationReason", CancellationReason));
        Assert.True(cancelled.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther);
        Assert.Equal("Cancelled", (await new TestAppointments(Data).ReadAsync(await OnlyIdAsync())).Status);

        Assert.NotEmpty(logs.Entries);
        string[] secrets =
        [
            Name,
            "Berenguer",
            Email,
            "inma.berenguer",
            Phone,
            "677 889 900",
            Reason,
            CancellationReason,
        ];
        foreach (var secret in secrets)
        {
            var leaks = logs.Entries.Where(e => e.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' is in the logs:\n{string.Join('\n', leaks)}");
        }
    }

    private async Task<Guid> OnlyIdAsync() => (await Data.AppointmentIdsAsync()).Single();
}

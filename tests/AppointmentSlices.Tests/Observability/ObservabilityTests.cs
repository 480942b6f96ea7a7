using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AppointmentSlices.Tests.Booking;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Infrastructure;
using AppointmentSlices.Web.Observability;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AppointmentSlices.Tests.Observability;

[Collection("Database")]
public sealed partial class ObservabilityTests(PostgresFixture database, EverythingSlowHost host)
    : IClassFixture<EverythingSlowHost>,
        IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _app = host.For(database);
    private readonly TestClinic _clinic = new(new PostgresClinicData(database.DataSource, database.ResetAsync));
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _client = _app.CreateClient();
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Server_timing_has_the_total_and_the_database_time()
    {
        var response = await _client.GetAsync("/api/specialties");

        var timing = ServerTiming().Match(string.Join(", ", response.Headers.GetValues("Server-Timing")));
        Assert.True(timing.Success);
        var total = double.Parse(timing.Groups["total"].Value, CultureInfo.InvariantCulture);
        var db = double.Parse(timing.Groups["db"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(db, 0.1, total);
    }

    [Fact]
    public async Task The_duration_histogram_records_the_route_template()
    {
        var doctorId = await _clinic.AddMadridDoctorAsync();
        var routes = new System.Collections.Concurrent.ConcurrentQueue<object?>();
        var meters = _app.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == RequestMetrics.RequestDuration)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(
            (_, _, tags, _) => routes.Enqueue(tags.ToArray().Single(t => t.Key == "http.route").Value)
        );
        listener.Start();

        var response = await _client.GetAsync($"/api/doctors/{doctorId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually(() => routes.Contains("/api/doctors/{id:guid}"));
    }

    [Fact]
    public async Task A_slow_request_logs_a_warning_with_the_route_template_and_no_patient_details()
    {
        var doctorId = await _clinic.AddMadridDoctorAsync();
        var booking = Requests.ForNewPatient(doctorId, email: "secreto@example.org");

        var booked = await _client.PostAsJsonAsync("/api/appointments", booking);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var token = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("manageToken").GetString()!;
        await _client.GetAsync($"/manage/{token}");

        var bookingLog = await host.Logs.WaitForAsync(e => SlowOn(e, "/api/appointments"));
        var manageLog = await host.Logs.WaitForAsync(e => SlowOn(e, "/manage/{token}"));
        Assert.Equal("POST", bookingLog.Values["Method"]);
        Assert.Equal(201, bookingLog.Values["StatusCode"]);
        var written = string.Join('\n', host.Logs.Entries.Select(e => e.Message));
        Assert.DoesNotContain("secreto@example.org", written);
        Assert.DoesNotContain("Paciente Nuevo", written);
        Assert.DoesNotContain("Dolor de espalda", written);
        Assert.DoesNotContain(token, written);
        Assert.DoesNotContain(token, manageLog.Message);
    }

    [Fact]
    public async Task Ready_answers_200_when_the_database_answers()
    {
        var response = await _client.GetAsync("/api/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_answer_only_on_the_management_port()
    {
        await _client.GetAsync("/api/specialties");

        var onPublicPort = await _client.GetAsync("/metrics");
        var onManagementPort = await _app.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/metrics";
            context.Connection.LocalPort = EverythingSlowHost.MetricsPort;
        });

        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
        Assert.Equal(200, onManagementPort.Response.StatusCode);
        var body = await new StreamReader(onManagementPort.Response.Body).ReadToEndAsync();
        Assert.Contains("appointment_slices_request_duration", body);
    }

    private static bool SlowOn(CapturedLog entry, string route) =>
        entry.Level == LogLevel.Warning
        && entry.Category == typeof(PerformanceMiddleware).FullName
        && Equals(entry.Values.GetValueOrDefault("Route"), route);

    private static async Task Eventually(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 50 && !condition(); attempt++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    [GeneratedRegex(@"total;dur=(?<total>[\d.]+), db;dur=(?<db>[\d.]+)")]
    private static partial Regex ServerTiming();
}

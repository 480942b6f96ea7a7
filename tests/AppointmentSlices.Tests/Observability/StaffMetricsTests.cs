using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Observability;

/// <summary>Without a management port, the scrape endpoint sits on the service's port, for staff only.</summary>
[Collection("Database")]
public sealed class StaffMetricsTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Metrics_refuse_anonymous_callers()
    {
        var response = await AnonymousClient.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ProviderFact]
    public async Task Metrics_show_request_durations_per_route_to_staff()
    {
        await Client.GetAsync("/api/doctors");

        var response = await Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("appointment_slices_request_duration", text);
        Assert.Contains("/api/doctors", text);
    }
}

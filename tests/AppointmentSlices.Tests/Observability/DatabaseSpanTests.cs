using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AppointmentSlices.Infrastructure;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Observability;

/// <summary>A request's database work shows in its trace and its Server-Timing, whichever the provider.</summary>
[Collection("Database")]
public sealed partial class DatabaseSpanTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task A_request_that_reads_the_database_has_a_span_of_the_database_driver_in_its_trace()
    {
        var patientId = await Clinic.AddPatientAsync();
        var driver = Provider == StorageProvider.Mongo ? "MongoDB.Driver" : "Npgsql";
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == driver,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/patients/{patientId}");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(spans, span => span.TraceId == traceId);
    }

    [ProviderFact]
    public async Task Server_timing_counts_the_database_time_of_a_request_that_reads_it()
    {
        var patientId = await Clinic.AddPatientAsync();

        var response = await Client.GetAsync($"/api/patients/{patientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timing = ServerTiming().Match(string.Join(", ", response.Headers.GetValues("Server-Timing")));
        Assert.True(timing.Success);
        Assert.True(double.Parse(timing.Groups["db"].Value, CultureInfo.InvariantCulture) > 0);
    }

    [GeneratedRegex(@"total;dur=(?<total>[\d.]+), db;dur=(?<db>[\d.]+)")]
    private static partial Regex ServerTiming();
}

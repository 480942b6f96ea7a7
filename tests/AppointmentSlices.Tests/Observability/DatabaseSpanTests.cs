using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AppointmentSlices.Infrastructure;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Observability;

/// <summary>A request's database work shows in its trace as spans of the provider's driver.</summary>
[Collection("Database")]
public sealed class DatabaseSpanTests(PostgresFixture database, ClinicHost host)
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
}

using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class GetAppointmentTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Reading_an_unknown_appointment_returns_404_problem_details_with_a_trace_id()
    {
        var response = await Client.GetAsync($"/api/appointments/{Guid.CreateVersion7()}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", problem.GetProperty("traceId").GetString());
    }
}

using Xunit;
using Xunit.Sdk;

namespace AppointmentSlices.Tests.Harness.Providers;

/// <summary>
/// A fact that runs once per storage provider: on PostgreSQL, and on MongoDB (the test server in the smoke lane,
/// or the real server that MONGODB_URI names). The test class sees its provider through <see cref="TestProvider"/>.
/// </summary>
[XunitTestCaseDiscoverer("AppointmentSlices.Tests.Harness.Providers.ProviderFactDiscoverer", "AppointmentSlices.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute
{
    /// <summary>
    /// Why the MongoDB test server can't run this test (a gap of the server, not of the product). The test still
    /// runs on PostgreSQL and against a real MongoDB.
    /// </summary>
    public string? NotOnTestServer { get; set; }
}

/// <summary>A theory that runs each data row once per storage provider; see <see cref="ProviderFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer(
    "AppointmentSlices.Tests.Harness.Providers.ProviderTheoryDiscoverer",
    "AppointmentSlices.Tests"
)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute
{
    /// <inheritdoc cref="ProviderFactAttribute.NotOnTestServer"/>
    public string? NotOnTestServer { get; set; }
}

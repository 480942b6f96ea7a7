using AppointmentSlices.Infrastructure;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// One running host per test class and provider. Starting a host costs more than most tests, and each start
/// migrates the database again, which leaves a pooled connection open for minutes (see DbUp's own data source).
/// </summary>
public sealed class ClinicHost : IAsyncLifetime
{
    private readonly Dictionary<StorageProvider, ClinicApp> _apps = [];

    /// <summary>The host for the provider the running test is on (see <see cref="TestProvider"/>).</summary>
    public ClinicApp For(PostgresFixture database)
    {
        var provider = TestProvider.Current;
        if (!_apps.TryGetValue(provider, out var app))
        {
            app =
                provider == StorageProvider.Mongo
                    ? new ClinicApp(database.ConnectionString, MongoTestServer.ConnectionString)
                    : new ClinicApp(database.ConnectionString);
            _apps[provider] = app;
        }

        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }
}

using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// One running host per test class. Starting a host costs more than most tests, and each start migrates the
/// database again, which leaves a pooled connection open for minutes (see DbUp's own data source).
/// </summary>
public sealed class ClinicHost : IAsyncLifetime
{
    private ClinicApp? _app;

    public ClinicApp For(PostgresFixture database) => _app ??= new ClinicApp(database.ConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AppointmentSlices.Tests.Observability;

/// <summary>The test host with settings of its own over <see cref="ClinicApp"/>'s, and its logs captured.</summary>
public abstract class ObservedHost : IAsyncLifetime
{
    private ClinicApp? _app;
    private WebApplicationFactory<Program>? _observed;

    public CapturedLogs Logs { get; } = new();

    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    public WebApplicationFactory<Program> For(PostgresFixture database)
    {
        _app ??= new ClinicApp(database.ConnectionString);
        return _observed ??= _app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync(); // and the factory derived from it
        }
    }
}

/// <summary>Two API requests, one booking and one staff sign-in a minute per caller.</summary>
public sealed class TinyLimitsHost : ObservedHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>
        {
            ["RateLimits:General:PermitLimit"] = "2",
            ["RateLimits:Booking:PermitLimit"] = "1",
            ["RateLimits:SignIn:PermitLimit"] = "1",
        };
}

/// <summary>Every request counts as slow, and /metrics answers on port 9464.</summary>
public sealed class EverythingSlowHost : ObservedHost
{
    public const int MetricsPort = 9464;

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>
        {
            ["Performance:SlowRequestMs"] = "-1",
            ["Metrics:Port"] = MetricsPort.ToString(),
        };
}

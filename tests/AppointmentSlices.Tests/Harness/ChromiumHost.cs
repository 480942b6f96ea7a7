using System.Net;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// The real host listening on a loopback port, and a headless Chromium to drive it: one of each per test class.
/// The browser is the machine's own (Debian's chromium, or CHROMIUM_PATH); Playwright never downloads one.
/// </summary>
public sealed class ChromiumHost : IAsyncLifetime
{
    private ClinicApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public Uri Address { get; private set; } = null!;

    public ClinicApp For(PostgresFixture database)
    {
        if (_app is null)
        {
            _app = new ClinicApp(database.ConnectionString);
            _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            _app.StartServer();
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            Address = new Uri(addresses!.Addresses.Single());
        }

        return _app;
    }

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path
            ? path
            : "/usr/bin/chromium";
        Assert.True(
            File.Exists(chromium),
            $"No Chromium at {chromium}: apt-get install chromium, or set CHROMIUM_PATH."
        );
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true }
        );
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

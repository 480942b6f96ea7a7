using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// The real host on the test database (PostgreSQL, or MongoDB when given its connection string): no demo data,
/// and a clock stopped at <see cref="Now"/>, a Monday morning before the doctors start work. Its clients read the
/// pages in English, as an English browser asks for them; the Spanish pages (the default) have tests of their own.
/// </summary>
public sealed class ClinicApp(
    string connectionString,
    string? mongoConnectionString = null,
    IReadOnlyDictionary<string, string>? settings = null
) : WebApplicationFactory<Program>
{
    /// <summary>Monday 16 March 2026, 07:00 UTC (08:00 in Madrid, which is on UTC+01:00 until the 29th).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 16, 7, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        if (mongoConnectionString is not null)
        {
            builder.UseSetting("Storage:Provider", "Mongo");
            builder.UseSetting("ConnectionStrings:Mongo", mongoConnectionString);
        }

        builder.UseSetting("Seed:DemoData", "false");
        foreach (var limit in new[] { "General", "Booking", "SignIn" }) // the suite fires bursts of bookings
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

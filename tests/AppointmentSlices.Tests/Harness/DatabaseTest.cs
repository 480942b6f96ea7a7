using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// A test on its provider's database (see <see cref="ProviderFactAttribute"/>; PostgreSQL otherwise) and its class's
/// host: each test starts from empty tables, with the clock at <see cref="ClinicApp.Now"/>.
/// </summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected DatabaseTest(PostgresFixture database, ClinicHost host)
        : this(database, host.For(database)) { }

    protected DatabaseTest(PostgresFixture database, ClinicApp app)
    {
        Database = database;
        App = app;
        Data =
            Provider == StorageProvider.Mongo
                ? new MongoClinicData(App.Services.GetRequiredService<MongoClinic>())
                : new PostgresClinicData(database.DataSource, database.ResetAsync);
        Clinic = new TestClinic(Data);
    }

    /// <summary>The storage provider this run of the test is on.</summary>
    protected StorageProvider Provider { get; } = TestProvider.Current;

    /// <summary>The PostgreSQL cluster; SQL through it is for PostgreSQL-only tests.</summary>
    protected PostgresFixture Database { get; }

    protected ClinicApp App { get; }

    /// <summary>Rows put in and read back directly, on this run's provider.</summary>
    protected ClinicData Data { get; }

    protected TestClinic Clinic { get; }

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>A caller with no session and no key, following no redirect.</summary>
    protected HttpClient AnonymousClient { get; private set; } = null!;

    /// <summary>How the history and the audit log name <see cref="Client"/>'s key: <c>apikey:&lt;id&gt;</c>.</summary>
    protected string ClientActor { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        // FakeTimeProvider cannot go back; a test that needs another time starts a host of its own.
        Assert.Equal(ClinicApp.Now, App.Clock.GetUtcNow());
        await Data.ResetAsync();
        // The tables were emptied behind the service's back: its cached list of doctors goes with them.
        await App.Services.GetRequiredService<DoctorListCache>().EvictAsync(CancellationToken.None);
        // The API client acts for the front desk, with a key the way an integrator would.
        Client = App.CreateClient();
        var key = await Data.AddApiKeyAsync();
        Client.DefaultRequestHeaders.Add("X-Api-Key", key);
        ClientActor = await Data.ApiKeyActorAsync(key);
        AnonymousClient = App.CreateClient(new() { AllowAutoRedirect = false });
    }

    /// <summary>Whether some session waits on a lock within five seconds: a request met a change in flight.</summary>
    protected async Task<bool> SomeoneWaitsOnALockAsync()
    {
        await using var watcher = await Database.DataSource.OpenConnectionAsync();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var waiting = await watcher.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            );
            if (waiting > 0)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public virtual Task DisposeAsync()
    {
        Client.Dispose();
        AnonymousClient.Dispose();
        return Task.CompletedTask;
    }
}

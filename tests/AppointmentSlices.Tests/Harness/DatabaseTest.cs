using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// A test on the shared PostgreSQL cluster: each test starts from empty tables and its own host,
/// so no test sees another's rows or clock.
/// </summary>
public abstract class DatabaseTest(PostgresFixture database) : IAsyncLifetime
{
    private ClinicApp? _app;

    protected PostgresFixture Database { get; } = database;

    protected ClinicApp App => _app ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    protected TestClinic Clinic { get; } = new(database.DataSource);

    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Database.ResetAsync();
        _app = new ClinicApp(Database.ConnectionString);
        Client = _app.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await using var c = await Database.DataSource.OpenConnectionAsync();
        var rows = await Dapper.SqlMapper.QueryAsync<string>(c, "select coalesce(application_name,'-') || ':' || state || ':' || count(*)::text from pg_stat_activity where backend_type = 'client backend' group by application_name, state");
        await File.AppendAllTextAsync("/tmp/conns.txt", GetType().Name + " " + string.Join(",", rows) + "\n");
    }
}

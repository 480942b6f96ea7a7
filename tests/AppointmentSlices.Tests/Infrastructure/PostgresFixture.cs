using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Infrastructure.Postgres;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace AppointmentSlices.Tests.Infrastructure;

[CollectionDefinition("Database")]
public sealed class DatabaseCollection : ICollectionFixture<PostgresFixture>;

/// <summary>
/// One throw-away PostgreSQL cluster for the whole test run, in a fresh temporary folder, with the schema and the
/// query indexes migrated. Tests call <see cref="ResetAsync"/> to start from empty tables.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    // Every table except dbup's journal, so that tables added by later migrations are emptied too.
    private const string TruncateAll = """
        DO $$
        BEGIN
            EXECUTE (
                SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname, tablename), ', ') || ' CASCADE'
                FROM pg_tables
                WHERE schemaname = 'public' AND tablename <> 'schemaversions');
        END
        $$;
        """;

    // As root the cluster runs as the postgres user, who must be able to reach the folder: /tmp always is.
    private readonly string root = Path.Combine(
        Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath(),
        $"appointment-slices-tests-{Guid.NewGuid():N}"
    );

    private LocalPostgresCluster? cluster;
    private NpgsqlDataSource? dataSource;

    public string ConnectionString => Cluster.ConnectionString;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("Not started yet.");

    public LocalPostgresCluster Cluster => cluster ?? throw new InvalidOperationException("Not started yet.");

    public async Task InitializeAsync()
    {
        var options = new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(root, "postgres"),
            Database = "appointment_slices_tests",
        };
        cluster = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance);
        SchemaMigrator.Migrate(cluster.ConnectionString, withQueryIndexes: true, NullLogger.Instance);
        dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
    }

    public async Task ResetAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(TruncateAll);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

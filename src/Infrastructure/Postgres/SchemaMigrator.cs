using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppointmentSlices.Infrastructure.Postgres;

/// <summary>
/// Brings a PostgreSQL database up to date with the numbered scripts under Migrations/.
/// Schema scripts always run; the query-index scripts run only when asked for, so the bench
/// can measure the service without them.
/// </summary>
public static class SchemaMigrator
{
    private const string SchemaFolder = ".Postgres.Migrations.Schema.";
    private const string IndexFolder = ".Postgres.Migrations.Indexes.";

    // Held by the session until its connection closes, after the last script.
    private const string TakeMigrationLock = "SELECT pg_advisory_lock(hashtext('appointment-slices migrations'))";

    public static void Migrate(string connectionString, bool withQueryIndexes, ILogger logger)
    {
        // DbUp opens its own connections; unpooled, they close when it is done instead of idling in a pool.
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new MicrosoftUpgradeLog(logger));

        // Replicas starting together take turns: the first migrates, the others then find nothing left to run.
        using var turn = new NpgsqlConnection(connectionString);
        turn.Open();
        using (var take = new NpgsqlCommand(TakeMigrationLock, turn))
        {
            take.ExecuteNonQuery();
        }

        Run(connectionString, SchemaFolder, logger);
        if (withQueryIndexes)
        {
            Run(connectionString, IndexFolder, logger);
        }
    }

    private static void Run(string connectionString, string folder, ILogger logger)
    {
        var upgrader = DeployChanges
            .To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.Contains(folder))
            .WithTransactionPerScript()
            .LogTo(new MicrosoftUpgradeLog(logger))
            .Build();

        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration script {result.ErrorScript?.Name} failed: {result.Error?.Message}",
                result.Error
            );
        }
    }
}

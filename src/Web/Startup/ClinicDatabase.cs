using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Infrastructure.Postgres;
using AppointmentSlices.Infrastructure.Seeding;
using Npgsql;

namespace AppointmentSlices.Web.Startup;

/// <summary>
/// Decides which PostgreSQL the host uses and brings it up to date. With no ConnectionStrings:Postgres the
/// host starts a private local cluster (stopped when the host stops) and fills it with demo data.
/// </summary>
public sealed class ClinicDatabase
{
    private ClinicDatabase(
        string connectionString,
        LocalPostgresCluster? localCluster,
        ILoggerFactory? clusterLoggers,
        bool seedDemoData
    )
    {
        ConnectionString = connectionString;
        LocalCluster = localCluster;
        ClusterLoggers = clusterLoggers;
        SeedDemoData = seedDemoData;
    }

    public string ConnectionString { get; }

    public LocalPostgresCluster? LocalCluster { get; }

    /// <summary>The loggers the cluster writes to; they must outlive it, so it logs its own stop.</summary>
    public ILoggerFactory? ClusterLoggers { get; }

    public bool SeedDemoData { get; }

    public static async Task<ClinicDatabase> PrepareAsync(IConfiguration configuration)
    {
        // The host's logging is not built yet; these loggers serve start-up and the local cluster.
        var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggers.CreateLogger<ClinicDatabase>();

        var configured = configuration.GetConnectionString("Postgres");
        LocalPostgresCluster? cluster = null;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var options = new LocalPostgresOptions { DataDirectory = configuration["LocalPostgres:DataDirectory"] };
            cluster = await LocalPostgresCluster.StartAsync(options, logger);
        }

        try
        {
            var connectionString = cluster?.ConnectionString ?? configured!;
            SchemaMigrator.Migrate(connectionString, configuration.GetValue("Storage:QueryIndexes", true), logger);
            var seed = configuration.GetValue<bool?>("Seed:DemoData") ?? cluster is not null;
            return new ClinicDatabase(connectionString, cluster, cluster is null ? null : loggers, seed);
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
                loggers.Dispose();
            }

            throw;
        }
        finally
        {
            if (cluster is null)
            {
                loggers.Dispose();
            }
        }
    }

    public async Task SeedIfWantedAsync(IServiceProvider services)
    {
        if (SeedDemoData)
        {
            var logger = services.GetRequiredService<ILogger<ClinicDatabase>>();
            await DemoSeeder.SeedAsync(
                services.GetRequiredService<NpgsqlDataSource>(),
                services.GetRequiredService<TimeProvider>(),
                logger
            );
        }
    }
}

public static class ClinicDatabaseRegistration
{
    public static IServiceCollection AddClinicDatabase(this IServiceCollection services, ClinicDatabase database)
    {
        services.AddPostgres(database.ConnectionString);
        if (database.LocalCluster is not null)
        {
            services.AddHostedService(_ => new LocalClusterLifetime(database));
        }

        return services;
    }
}

/// <summary>Stops the local cluster when the host stops.</summary>
internal sealed class LocalClusterLifetime(ClinicDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await database.LocalCluster!.DisposeAsync();
        database.ClusterLoggers?.Dispose();
    }
}

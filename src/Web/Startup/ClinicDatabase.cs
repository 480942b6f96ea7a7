using AppointmentSlices.Infrastructure;
using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Postgres;
using AppointmentSlices.Infrastructure.Seeding;
using Npgsql;

namespace AppointmentSlices.Web.Startup;

/// <summary>
/// Decides which database the host uses and brings it up to date. On PostgreSQL with no ConnectionStrings:Postgres
/// the host starts a private local cluster (stopped when the host stops) and fills it with demo data. On MongoDB
/// (<c>Storage:Provider=Mongo</c>) it needs ConnectionStrings:Mongo and creates the indexes.
/// </summary>
public sealed class ClinicDatabase
{
    private ClinicDatabase(
        StorageProvider provider,
        string connectionString,
        LocalPostgresCluster? localCluster,
        ILoggerFactory? clusterLoggers,
        bool seedDemoData
    )
    {
        Provider = provider;
        ConnectionString = connectionString;
        LocalCluster = localCluster;
        ClusterLoggers = clusterLoggers;
        SeedDemoData = seedDemoData;
    }

    public StorageProvider Provider { get; }

    /// <summary>The connection string of the provider's database.</summary>
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
        if (StorageProviders.From(configuration) == StorageProvider.Mongo)
        {
            loggers.Dispose();
            return await PrepareMongoAsync(configuration);
        }

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
            return new ClinicDatabase(
                StorageProvider.Postgres,
                connectionString,
                cluster,
                cluster is null ? null : loggers,
                seed
            );
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

    private static async Task<ClinicDatabase> PrepareMongoAsync(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Mongo");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Storage:Provider is Mongo but ConnectionStrings:Mongo is empty. Set it (for example "
                    + "ConnectionStrings__Mongo=mongodb://localhost:27017/clinic?replicaSet=rs0) or leave the provider "
                    + "unset to run on PostgreSQL."
            );
        }

        var clinic = MongoRegistration.CreateClinic(connectionString);
        await MongoIndexes.EnsureAsync(clinic, configuration.GetValue("Storage:QueryIndexes", true));
        var seed = configuration.GetValue("Seed:DemoData", false);
        return new ClinicDatabase(StorageProvider.Mongo, connectionString, null, null, seed);
    }

    public async Task SeedIfWantedAsync(IServiceProvider services)
    {
        if (SeedDemoData && Provider == StorageProvider.Mongo)
        {
            var logger = services.GetRequiredService<ILogger<ClinicDatabase>>();
            await MongoDemoSeeder.SeedAsync(
                services.GetRequiredService<MongoClinic>(),
                services.GetRequiredService<TimeProvider>(),
                logger
            );
        }
        else if (SeedDemoData)
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
        if (database.Provider == StorageProvider.Mongo)
        {
            services.AddMongo(database.ConnectionString);
            return services;
        }

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

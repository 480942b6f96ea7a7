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
    private ClinicDatabase(string connectionString, LocalPostgresCluster? localCluster, bool seedDemoData)
    {
        ConnectionString = connectionString;
        LocalCluster = localCluster;
        SeedDemoData = seedDemoData;
    }

    public string ConnectionString { get; }

    public LocalPostgresCluster? LocalCluster { get; }

    public bool SeedDemoData { get; }

    public static async Task<ClinicDatabase> PrepareAsync(IConfiguration configuration)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
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
            var connectionString = configured ?? cluster!.ConnectionString;
            SchemaMigrator.Migrate(connectionString, configuration.GetValue("Storage:QueryIndexes", true), logger);
            var seed = configuration.GetValue<bool?>("Seed:DemoData") ?? cluster is not null;
            return new ClinicDatabase(connectionString, cluster, seed);
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            throw;
        }
    }

    public async Task SeedIfWantedAsync(IServiceProvider services)
    {
        if (SeedDemoData)
        {
            var logger = services.GetRequiredService<ILogger<ClinicDatabase>>();
            await DemoSeeder.SeedAsync(
                services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<TimeProvider>(), logger);
        }
    }
}

public static class ClinicDatabaseRegistration
{
    public static IServiceCollection AddClinicDatabase(this IServiceCollection services, ClinicDatabase database)
    {
        services.AddPostgres(database.ConnectionString);
        if (database.LocalCluster is { } cluster)
        {
            // Registered through a factory so the container owns it: disposing the host stops the cluster.
            services.AddSingleton(_ => cluster);
        }

        return services;
    }
}

using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AppointmentSlices.Infrastructure.Postgres;

public static class PostgresRegistration
{
    /// <summary>Registers the one <see cref="NpgsqlDataSource"/> all PostgreSQL stores open connections from.</summary>
    public static IServiceCollection AddPostgres(this IServiceCollection services, string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName ??= "AppointmentSlices";
        // The stores send a few dozen fixed statements: prepared once per connection, PostgreSQL stops parsing them,
        // and plans them once where a generic plan is as good as one made for the values (the list queries are one
        // statement per combination of filters, so theirs are). A connection string may set its own.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        // A few busy connections beat a hundred contending ones: on the load study's 2 cores, 12 served about a fifth
        // more requests than Npgsql's default 100. More cores on the database server want more.
        if (!Sets(connectionString, "maxpoolsize", "maximumpoolsize"))
        {
            settings.MaxPoolSize = Math.Max(12, 6 * Environment.ProcessorCount);
        }

        // A pooled connection is reset when returned, by statements sent ahead of its next command. No store leaves
        // anything behind in a session (locks are per transaction, no SET, no LISTEN), so the reset is pure cost.
        if (!Sets(connectionString, "noresetonclose"))
        {
            settings.NoResetOnClose = true;
        }

        services.AddSingleton(_ => builder.Build());
        return services;
    }

    /// <summary>Whether the connection string itself names one of the keys (compared without case or spaces).</summary>
    private static bool Sets(string connectionString, params string[] keys) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }
            .Keys.Cast<string>()
            .Any(key => keys.Contains(key.Replace(" ", "").ToLowerInvariant()));
}

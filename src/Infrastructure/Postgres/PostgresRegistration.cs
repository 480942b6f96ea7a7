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
        // The stores send a few dozen fixed statements: prepared once per connection, PostgreSQL stops parsing them
        // (and, where a generic plan is as good, planning them) on every call. A connection string may set its own.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
            // The list queries fold away the filters a request leaves out only when PostgreSQL plans them with the
            // request's values; a prepared statement's generic plan would not, so every execution is planned anew.
            settings.Options ??= "-c plan_cache_mode=force_custom_plan";
        }

        // A pooled connection is reset when returned, by statements sent ahead of its next command. No store leaves
        // anything behind in a session (locks are per transaction, no SET, no LISTEN), so the reset is pure cost.
        if (!connectionString.Contains("Reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }

        services.AddSingleton(_ => builder.Build());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AppointmentSlices.Infrastructure.Postgres;

public static class PostgresRegistration
{
    /// <summary>Registers the one <see cref="NpgsqlDataSource"/> all PostgreSQL stores open connections from.</summary>
    public static IServiceCollection AddPostgres(this IServiceCollection services, string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "AppointmentSlices";
        services.AddSingleton(_ => builder.Build());
        return services;
    }
}

using AppointmentSlices.Infrastructure.Mongo;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;
using Npgsql;

namespace AppointmentSlices.Web.Observability;

/// <summary>
/// Readiness: the configured database answers (PostgreSQL <c>SELECT 1</c>, MongoDB <c>ping</c>) within the
/// check's timeout.
/// </summary>
public sealed class DatabaseReadyCheck(IServiceProvider services) : IHealthCheck
{
    private static readonly BsonDocument Ping = new("ping", 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            if (services.GetService<MongoClinic>() is { } mongo)
            {
                await mongo.Database.RunCommandAsync<BsonDocument>(Ping, cancellationToken: ct);
            }
            else
            {
                await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(ct);
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
            when (e is NpgsqlException or MongoException or OperationCanceledException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database did not answer.", e);
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AppointmentSlices.Web.Observability;

/// <summary>Readiness: the database answers <c>SELECT 1</c> within the check's timeout.</summary>
public sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database did not answer.", e);
        }
    }
}

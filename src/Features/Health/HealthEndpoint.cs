using Carter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.Health;

public sealed record HealthStatus(string Status);

/// <summary>Liveness: answers without touching the database, so it stays cheap under load.</summary>
public sealed class HealthEndpoint : ICarterModule
{
    private static readonly HealthStatus Healthy = new("Healthy");

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapMethods("/api/health", ["GET", "HEAD"], Ok<HealthStatus> () => TypedResults.Ok(Healthy))
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Liveness check");
}

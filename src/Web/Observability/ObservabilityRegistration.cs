using AppointmentSlices.Features.Staff;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AppointmentSlices.Web.Observability;

/// <summary>
/// Traces and metrics (OpenTelemetry), request timing, rate limits and readiness. Metrics are scraped at
/// <c>/metrics</c>: by staff on the service's own port, or by anyone on the management port <c>Metrics:Port</c>
/// when one is configured (Kestrel then listens on it too; keep it off the public network).
/// </summary>
public static class ObservabilityRegistration
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.Configure<PerformanceOptions>(config.GetSection("Performance"));
        services.AddSingleton<DatabaseTime>();
        services.AddSingleton<RequestMetrics>();
        services.AddClinicRateLimits(config);
        services
            .AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(2));

        var telemetry = services
            .AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("AppointmentSlices"))
            .WithTracing(tracing =>
                tracing
                    .AddAspNetCoreInstrumentation(options => options.EnrichWithHttpRequest = HideManageToken)
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    // MongoDB.Driver (3.7+) traces through this ActivitySource once the Mongo stores use it.
                    .AddSource("MongoDB.Driver")
            )
            .WithMetrics(metrics =>
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(RequestMetrics.MeterName)
                    .AddPrometheusExporter()
            );
        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter(); // endpoint, protocol and headers from the standard OTEL_* variables
        }
        else if (config["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        if (config.GetValue<int?>("Metrics:Port") is { } port)
        {
            builder.WebHost.UseSetting("urls", $"{PublicUrls(config)};http://*:{port}");
        }

        return builder;
    }

    /// <summary>Request timing (outermost), readiness at /api/health/ready, /metrics on the management port.</summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        app.UseMiddleware<PerformanceMiddleware>();
        app.MapHealthChecks(
                "/api/health/ready",
                new HealthCheckOptions
                {
                    Predicate = check => check.Tags.Contains(ReadyTag),
                    ResponseWriter = (context, report) =>
                        context.Response.WriteAsJsonAsync(new Features.Health.HealthStatus(report.Status.ToString())),
                }
            )
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]))
            .AllowAnonymous(); // probes carry no credentials

        if (app.Configuration.GetValue<int?>("Metrics:Port") is { } port)
        {
            // The port a request really arrived on, not its Host header, which any client can set.
            app.MapPrometheusScrapingEndpoint(
                "/metrics",
                meterProvider: null,
                configureBranchedPipeline: branch =>
                    branch.Use(
                        (context, next) =>
                            context.Connection.LocalPort == port
                                ? next(context)
                                : Results.NotFound().ExecuteAsync(context)
                    ),
                optionsName: null
            );
        }
        else
        {
            // Without a management port, the scrape endpoint is for staff (a session or an API key).
            app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(StaffPolicies.FrontDesk);
        }

        return app;
    }

    /// <summary>The addresses Kestrel would use without the management port (URLS, then HTTP_PORTS).</summary>
    private static string PublicUrls(IConfiguration config) =>
        config["urls"] is { Length: > 0 } urls ? urls
        : config["http_ports"] is { Length: > 0 } ports
            ? string.Join(';', ports.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p}"))
        : "http://localhost:5000";

    private static void HideManageToken(System.Diagnostics.Activity activity, HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/manage"))
        {
            activity.SetTag("url.path", "/manage/{token}");
        }
    }
}

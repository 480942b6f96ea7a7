using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Web.Observability;

public sealed class PerformanceOptions
{
    /// <summary>Requests slower than this are logged at Warning.</summary>
    public int SlowRequestMs { get; set; } = 500;
}

/// <summary>
/// Times every request: a <c>Server-Timing</c> header (total and database time up to the headers), the
/// request-duration histogram by route template, and a Warning for slow requests. It logs the route template,
/// never the raw path, which may hold a manage link's secret.
/// </summary>
public sealed partial class PerformanceMiddleware(
    RequestDelegate next,
    DatabaseTime databaseTime,
    RequestMetrics metrics,
    IOptionsMonitor<PerformanceOptions> options,
    ILogger<PerformanceMiddleware> logger
)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var database = databaseTime.Start();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = string.Create(
                CultureInfo.InvariantCulture,
                $"total;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0}, "
                    + $"db;dur={database.Elapsed.TotalMilliseconds:0.0}"
            );
            return Task.CompletedTask;
        });

        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var route = RouteOf(context);
            var status = context.Response.StatusCode;
            metrics.Record(elapsed, route, context.Request.Method, status);
            if (elapsed.TotalMilliseconds > options.CurrentValue.SlowRequestMs)
            {
                LogSlow(logger, context.Request.Method, route, status, (long)elapsed.TotalMilliseconds);
            }
        }
    }

    /// <summary>The template with a leading slash, as the API's have and the pages' lack ("manage/{token}").</summary>
    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? template.StartsWith('/')
                ? template
                : "/" + template
            : "(no route)";

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Slow request {Method} {Route} answered {StatusCode} in {ElapsedMs} ms"
    )]
    private static partial void LogSlow(ILogger logger, string method, string route, int statusCode, long elapsedMs);
}

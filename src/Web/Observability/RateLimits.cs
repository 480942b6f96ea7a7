using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using AppointmentSlices.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Web.Observability;

/// <summary>One fixed window: <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> per caller.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The <c>RateLimits</c> section: the API in general, booking, and staff sign-in.</summary>
public sealed class RateLimitOptions
{
    public RateLimit General { get; set; } = new() { PermitLimit = 300 };

    public RateLimit Booking { get; set; } = new() { PermitLimit = 20 };

    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10 };
}

/// <summary>
/// Chooses the limit by path, so it also covers pages not written yet (sign-in), and partitions it by caller:
/// an accepted API key (hashed, never kept in clear), else the signed-in user, else the client's IP address.
/// Health checks and everything outside <c>/api</c>, booking and sign-in are not limited.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddClinicRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RateLimitOptions>(config.GetSection("RateLimits"));
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((options, limits) => Configure(options, limits.Value));
        return services.AddRateLimiter(_ => { });
    }

    private static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            PolicyOf(context.Request, limits) is var (name, limit)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    $"{name}|{CallerOf(context)}",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit.PermitLimit,
                        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                        QueueLimit = 0,
                    }
                )
                : RateLimitPartition.GetNoLimiter("unlimited")
        );
        options.OnRejected = RejectAsync;
    }

    private static (string Name, RateLimit Limit)? PolicyOf(HttpRequest request, RateLimitOptions limits)
    {
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        return path switch
        {
            _ when path.StartsWithSegments("/api/health") => null,
            _ when post && (path.Equals("/api/appointments") || path.Equals("/book")) => ("booking", limits.Booking),
            _ when post && path.Equals("/admin/sign-in") => ("sign-in", limits.SignIn),
            _ when path.StartsWithSegments("/api") => ("general", limits.General),
            _ => null,
        };
    }

    /// <summary>
    /// A key counts only once authentication accepted it: otherwise a caller sending a new made-up key with
    /// each request would get a fresh budget each time, and escape the limit on its IP address.
    /// </summary>
    private static string CallerOf(HttpContext context)
    {
        if (context.User.Identity is not { IsAuthenticated: true } identity)
        {
            return "ip:" + context.Connection.RemoteIpAddress;
        }

        return context.Request.Headers["X-Api-Key"].ToString() is { Length: > 0 } key
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16)
            : "user:" + identity.Name;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(seconds.TotalSeconds)).ToString();
        }

        // A page (booking, staff sign-in) gets the error page in the reader's language, from the status code pages.
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = ProblemTypes.RateLimited,
            Title = "Too many requests",
            Detail = "Slow down and try again after the number of seconds in the Retry-After header.",
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        await TypedResults.Problem(problem).ExecuteAsync(context);
    }
}

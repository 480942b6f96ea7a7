using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalar.AspNetCore;

namespace AppointmentSlices.Web.Hardening;

public static class HardeningRegistration
{
    /// <summary>
    /// Request size limits (<c>Limits:MaxBodyBytes</c>, 64 KB by default) and a per-request nonce for Scalar.
    /// </summary>
    public static IServiceCollection AddHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RequestLimits>(configuration.GetSection("Limits"));
        var maxBodyBytes = configuration.GetValue("Limits:MaxBodyBytes", RequestLimits.DefaultMaxBodyBytes);
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = maxBodyBytes);
        services.Configure<FormOptions>(options =>
        {
            options.MultipartBodyLengthLimit = maxBodyBytes;
            options.ValueLengthLimit = (int)Math.Min(maxBodyBytes, int.MaxValue);
            options.ValueCountLimit = 200;
            options.KeyLengthLimit = 200;
        });
        services.Configure<ScalarOptions>(options => options.WithNonce());

        // A method a page has no handler for is refused before the page renders an empty model.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
            options.Conventions.ConfigureFilter(new UnhandledMethodFilter())
        );

        // Antiforgery would send X-Frame-Options: SAMEORIGIN on pages with forms; every page gets DENY instead.
        services.Configure<AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);
        return services;
    }

    /// <summary>Security headers on every response, the body size limit, and HTTPS outside Development.</summary>
    public static WebApplication UseHardening(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<BodySizeLimit>();
        return app;
    }
}

public sealed class RequestLimits
{
    public const long DefaultMaxBodyBytes = 64 * 1024;

    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}

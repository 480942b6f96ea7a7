using Scalar.AspNetCore;

namespace AppointmentSlices.Web.Hardening;

/// <summary>
/// Adds the security headers to every response, error responses included: they are added as the response starts,
/// after the exception handler has cleared the headers of a failed one. A header a page set itself wins (the
/// manage pages send no referrer at all).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // The Scalar UI starts from an inline module script, which carries a fresh nonce on every request, and its
    // bundle injects style elements and attributes at run time, so only /scalar allows inline styles.
    private const string ScalarPolicy =
        "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Add(context, "Content-Security-Policy", PolicyFor(context));
            Add(context, "X-Content-Type-Options", "nosniff");
            Add(context, "Referrer-Policy", "strict-origin-when-cross-origin");
            Add(context, "X-Frame-Options", "DENY");
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string PolicyFor(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/scalar")
        && context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce)
        && nonce is string { Length: > 0 } value
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, ScalarPolicy, value)
            : Policy;

    private static void Add(HttpContext context, string name, string value) =>
        context.Response.Headers.TryAdd(name, value);
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Web.Hardening;

/// <summary>
/// Refuses a body over <see cref="RequestLimits.MaxBodyBytes"/> with 413 before anything reads it. A declared
/// length is checked here on any server; a chunked body is cut off by the server's own limit as it is read.
/// </summary>
internal sealed class BodySizeLimit(RequestDelegate next, IOptions<RequestLimits> limits, ILogger<BodySizeLimit> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var max = limits.Value.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        // The error page, run again for the 413 itself, reads no body: it must not be refused in turn.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (context.Request.ContentLength > max && !reExecuted)
        {
            logger.LogWarning(
                "Refused a body of {ContentLength} bytes on {Method}, over the limit of {MaxBodyBytes}",
                context.Request.ContentLength,
                context.Request.Method,
                max
            );
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}

using System.Diagnostics;
using System.Text.Json;
using AppointmentSlices.Features.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AppointmentSlices.Web.ErrorHandling;

/// <summary>
/// The one place failures become RFC 9457 problem details: validation → 400 listing each field,
/// unreadable input → 400, unknown id → 404, taken slot → 409, anything else → 500 (logged).
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at the error page; the feature keeps what was asked.
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        var path = new PathString(failed?.Path ?? context.Request.Path.Value);
        if (!path.StartsWithSegments("/api"))
        {
            return false; // the pages' error page takes it from here, and the middleware logs it
        }

        var problem = exception switch
        {
            ValidationException validation => Invalid(validation),
            BadHttpRequestException badRequest => MalformedRequests.Describe(badRequest, context.Request),
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Type = ProblemTypes.NotFound,
                Title = $"Unknown {notFound.Resource}",
                Detail = notFound.Message,
            },
            ConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Type = conflict.Type,
                Title = conflict.Title,
                Detail = conflict.Message,
                Extensions = conflict.Extensions.ToDictionary(),
            },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Route}", context.Request.Method, RouteOf(failed));
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Unexpected,
                Title = "Something went wrong on our side",
                Detail = "The error has been logged; please try again.",
            };
        }
        else
        {
            logger.LogWarning(
                "Rejected {Method} {Route}: {ProblemType}",
                context.Request.Method,
                RouteOf(failed),
                problem.Type
            );
        }

        problem.Instance = path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = problem.Status!.Value;
        await TypedResults.Problem(problem).ExecuteAsync(context);
        return true;
    }

    private static HttpValidationProblemDetails Invalid(ValidationException exception)
    {
        var errors = exception
            .Errors.GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "The request has invalid fields",
            Detail = "See errors for what to correct in each field.",
        };
    }

    /// <summary>"Patient.FullName" → "patient.fullName", matching the JSON the client sent.</summary>
    internal static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static string RouteOf(IExceptionHandlerPathFeature? failed) =>
        (failed?.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
}

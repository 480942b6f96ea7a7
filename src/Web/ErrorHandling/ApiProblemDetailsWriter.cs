using System.Diagnostics;
using AppointmentSlices.Web.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Web.ErrorHandling;

/// <summary>
/// Writes the API's problem details as JSON whatever the caller's Accept header names. The API answers in JSON
/// only, and the framework's own writer declines a caller that accepts no JSON: a 401 then failed as a 500 and a
/// 404 came back as plain text. Registered before the framework's writer, so every API problem reads the same;
/// the pages keep theirs, and their error page.
/// </summary>
internal sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ApiProblems.IsApi(context.HttpContext.Request);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(
            http.Response.WriteAsJsonAsync(
                problem,
                problem.GetType(),
                json.Value.SerializerOptions,
                "application/problem+json",
                http.RequestAborted
            )
        );
    }
}

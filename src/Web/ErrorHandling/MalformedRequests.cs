using System.Text.Json;
using System.Text.RegularExpressions;
using AppointmentSlices.Features.Common;
using Microsoft.AspNetCore.Mvc;

namespace AppointmentSlices.Web.ErrorHandling;

/// <summary>
/// Turns the framework's binding failures (a body that is not JSON, "abc" for a number or an id, a missing
/// parameter) into problem details whose <c>errors</c> name the field, in words meant for the client.
/// </summary>
internal static partial class MalformedRequests
{
    public static ProblemDetails Describe(BadHttpRequestException exception, HttpRequest request)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(exception.StatusCode, ProblemTypes.TooLarge, "The request body is too large", null);
        }

        var error = exception switch
        {
            { InnerException: JsonException json } => FromJson(json),
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (
                "body",
                "Send the body as JSON, with the header Content-Type: application/json."
            ),
            _ => FromParameter(exception.Message, request),
        };
        return Problem(exception.StatusCode, ProblemTypes.MalformedRequest, "The request could not be read", error);
    }

    private static (string Field, string Message) FromJson(JsonException json)
    {
        var field = ProblemExceptionHandler.FieldName((json.Path ?? "").TrimStart('$').TrimStart('.'));
        if (field.Length == 0)
        {
            return ("body", "The body must be a well-formed JSON object with the fields the API document lists.");
        }

        // The serializer's own messages name .NET types; ours (from our converters) speak to the client.
        var message = json.Message.Contains("Path:", StringComparison.Ordinal)
            ? "This value does not have the expected type or format."
            : json.Message;
        return (field, message);
    }

    private static (string Field, string Message) FromParameter(string message, HttpRequest request)
    {
        // "Implicit body inferred for parameter … but no body was provided", or an empty body.
        if (request.ContentLength == 0 || message.Contains("no body", StringComparison.Ordinal))
        {
            return ("body", "This request needs a JSON body.");
        }

        var parameter = ParameterPattern().Match(message);
        if (!parameter.Success)
        {
            return ("request", "The request could not be read.");
        }

        var name = ProblemExceptionHandler.FieldName(parameter.Groups["name"].Value);
        var kind = KindOf(parameter.Groups["type"].Value);
        return message.StartsWith("Failed to bind", StringComparison.Ordinal)
            ? (name, $"This must be {kind}.")
            : (name, $"This is required, and must be {kind}.");
    }

    private static string KindOf(string clrType) =>
        clrType switch
        {
            _ when clrType.Contains("Guid", StringComparison.Ordinal) => "an id (a UUID such as 0194…-…)",
            _ when clrType.Contains("Int", StringComparison.Ordinal) => "a whole number",
            _ when clrType.Contains("Date", StringComparison.Ordinal) => "a date",
            _ when clrType.Contains("Bool", StringComparison.Ordinal) => "true or false",
            _ => "a valid value",
        };

    private static HttpValidationProblemDetails Problem(
        int status,
        string type,
        string title,
        (string Field, string Message)? error
    ) =>
        new(error is { } e ? new Dictionary<string, string[]> { [e.Field] = [e.Message] } : [])
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = error is null ? null : "See errors for what could not be read.",
        };

    [GeneratedRegex("""parameter "(?<type>[^"]+) (?<name>[A-Za-z0-9_]+)" """)]
    private static partial Regex ParameterPattern();
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AppointmentSlices.Tests.Hardening;

/// <summary>One API route and method, as the running app maps it.</summary>
public sealed record ApiEndpoint(string Method, RoutePattern Route)
{
    public string Pattern => Route.RawText ?? "";

    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>Every /api route the app maps, with each of its methods (HEAD aside: it has no body to test).</summary>
    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
        services
            .GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e =>
                (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiEndpoint(
                    m,
                    e.RoutePattern
                ))
            )
            .Where(e => e.Method != "HEAD")
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The path with each parameter replaced: an id of the kind the segment before it names.</summary>
    public string Path(Func<string, string> valueAfter) =>
        string.Concat(
            Route.PathSegments.Select(segment =>
                "/"
                + string.Concat(
                    segment.Parts.Select(part =>
                        part switch
                        {
                            RoutePatternLiteralPart literal => literal.Content,
                            RoutePatternParameterPart parameter => valueAfter(Before(parameter)),
                            RoutePatternSeparatorPart separator => separator.Content,
                            _ => "",
                        }
                    )
                )
            )
        );

    public override string ToString() => $"{Method} {Pattern}";

    private string Before(RoutePatternParameterPart parameter)
    {
        var segments = Route.PathSegments.ToList();
        var index = segments.FindIndex(s => s.Parts.Contains(parameter));
        return index > 0 && segments[index - 1].Parts is [RoutePatternLiteralPart literal] ? literal.Content : "";
    }
}

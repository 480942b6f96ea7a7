using System.Security.Claims;
using System.Text.Encodings.Web;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.FindApiKey;
using AppointmentSlices.Features.Staff;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Web.Security;

/// <summary>
/// An integrator's key in the <c>X-Api-Key</c> header. A key acts at the front desk (everything but staff and key
/// management); a missing, unknown or revoked key answers 401 problem details.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    IMediator mediator
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyIdClaim = Actor.ApiKeyIdClaim;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var sent))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await mediator.Send(new FindApiKeyQuery(sent.ToString()), Context.RequestAborted);
        if (key is null)
        {
            Logger.LogWarning("Refused an unknown or revoked API key");
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, StaffRoles.Receptionist),
            new(KeyIdClaim, key.Id.ToString()),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}

/// <summary>The API's answers to a caller without staff rights: problem details, never a redirect.</summary>
internal static class ApiProblems
{
    /// <summary>Machine-facing paths: the API and the metrics scrape answer 401/403 rather than redirect.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/metrics");

    public static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var problem =
            status == StatusCodes.Status401Unauthorized
                ? new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = status,
                    Type = ProblemTypes.Unauthorized,
                    Title = "Sign-in required",
                    Detail = $"Send a staff session cookie or an API key in the {ApiKeyHandler.Header} header.",
                }
                : new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = status,
                    Type = ProblemTypes.Forbidden,
                    Title = "Not allowed",
                    Detail = "Your role does not allow this.",
                };
        return context
            .RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem })
            .AsTask();
    }
}

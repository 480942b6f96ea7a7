using System.Security.Claims;

namespace AppointmentSlices.Features.Common;

/// <summary>
/// Who changed something, as recorded in an appointment's history: the patient through their private link,
/// the clinic's staff in the back office, an integrator through the API, or the system itself.
/// </summary>
public readonly record struct Actor(string Value)
{
    public static readonly Actor Patient = new("patient");
    public static readonly Actor Staff = new("staff");
    public static readonly Actor Api = new("api");
    public static readonly Actor System = new("system");

    /// <summary>One signed-in staff member, so the history names who acted: <c>staff:&lt;id&gt;</c>.</summary>
    public static Actor StaffUser(Guid staffUserId) => new($"staff:{staffUserId}");

    /// <summary>One integrator's API key, so the history names which key acted: <c>apikey:&lt;id&gt;</c>.</summary>
    public static Actor ApiKey(Guid apiKeyId) => new($"apikey:{apiKeyId}");

    /// <summary>The claim an API key's principal carries its key's id in.</summary>
    public const string ApiKeyIdClaim = "api_key_id";

    /// <summary>
    /// Who an authenticated principal is: its API key (<c>apikey:&lt;id&gt;</c>) or its staff member
    /// (<c>staff:&lt;id&gt;</c>); <paramref name="fallback"/> for anyone else.
    /// </summary>
    public static Actor From(ClaimsPrincipal? user, Actor fallback)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return fallback;
        }

        if (Guid.TryParse(user.FindFirstValue(ApiKeyIdClaim), out var keyId))
        {
            return ApiKey(keyId);
        }

        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var staffId)
            ? StaffUser(staffId)
            : fallback;
    }

    public override string ToString() => Value;
}

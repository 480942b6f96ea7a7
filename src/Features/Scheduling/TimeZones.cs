namespace AppointmentSlices.Features.Scheduling;

/// <summary>Which time zone ids a doctor may work in.</summary>
public static class TimeZones
{
    public const int MaxLength = 64;

    /// <summary>
    /// An IANA zone id this machine knows, written as IANA writes it: "Europe/Madrid" or "UTC". Legacy ids
    /// without a region ("EST5EDT", "CET", "GMT"), Windows ids, other letter cases, and the posix/ and right/
    /// variants of the tz database are refused, so every doctor's zone names a place and reads the same.
    /// </summary>
    public static bool IsIanaZoneId(string? id) =>
        id is { Length: > 0 and <= MaxLength }
        && (id == "UTC" || HasRegion(id))
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && zone.Id == id;

    /// <summary>The zone's id as IANA spells it, when <paramref name="id"/> names one in another letter case.</summary>
    public static string? SpellingOf(string? id) =>
        id is { Length: > 0 and <= MaxLength }
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.Id != id
        && IsIanaZoneId(zone.Id)
            ? zone.Id
            : null;

    private static bool HasRegion(string id)
    {
        var parts = id.Split('/');
        return parts.Length > 1
            && parts[0] is not ("posix" or "right")
            && parts.All(p => p.Length > 0 && char.IsAsciiLetterUpper(p[0]) && p.All(IsIdCharacter));
    }

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+';
}

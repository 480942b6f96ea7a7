using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AppointmentSlices.Features.Common;

/// <summary>
/// Reads instants only when they carry an offset ("Z" or "+01:00"). The default converter quietly
/// assumes the server's own zone for "2026-03-30T09:00", which books the wrong hour.
/// </summary>
public sealed class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !Instants.TryParseWithOffset(text, out var value))
        {
            throw new JsonException(
                "Expected an ISO-8601 date and time with an offset, such as 2026-03-30T09:00:00+02:00."
            );
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
}

public static class Instants
{
    public const int FirstYear = 1900;
    public const int LastYear = 2999;
    public const string PlausibleHelp = "Must be a date between the years 1900 and 2999.";

    /// <summary>Within the years the clinic's calendar can mean; keeps date arithmetic far from its limits.</summary>
    public static bool IsPlausible(DateTimeOffset value) => value.Year is >= FirstYear and <= LastYear;

    /// <summary>Parses an ISO-8601 instant that states its offset; anything else is refused.</summary>
    public static bool TryParseWithOffset(string text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || HasNumericOffset(trimmed);
        return hasOffset
            && trimmed.Length >= 16
            && trimmed[10] is 'T' or 't'
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool HasNumericOffset(string text)
    {
        // "+01:00", "-05:00" or "+0100" after the time part.
        var sign = text.LastIndexOfAny(['+', '-']);
        return sign > 10 && text.Length - sign is 5 or 6;
    }
}

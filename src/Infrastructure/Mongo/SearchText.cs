using System.Globalization;
using System.Text;

namespace AppointmentSlices.Infrastructure.Mongo;

/// <summary>
/// The accent- and case-free form that MongoDB search fields hold, as PostgreSQL's <c>search_key()</c> does with
/// unaccent: "Lucía NÚÑEZ" becomes "lucia nunez". Queries normalise the term the same way.
/// </summary>
public static class SearchText
{
    public static string Key(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (Letters.TryGetValue(c, out var spelled))
            {
                builder.Append(spelled);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // Letters with no Unicode decomposition that PostgreSQL's unaccent rules still spell in Latin letters, so
    // "thor" finds "Þór" on both providers.
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['Þ'] = "th",
        ['þ'] = "th",
        ['Æ'] = "ae",
        ['æ'] = "ae",
        ['Œ'] = "oe",
        ['œ'] = "oe",
        ['ß'] = "ss",
        ['Ø'] = "o",
        ['ø'] = "o",
        ['Đ'] = "d",
        ['đ'] = "d",
        ['Ð'] = "d",
        ['ð'] = "d",
        ['Ł'] = "l",
        ['ł'] = "l",
        ['Ħ'] = "h",
        ['ħ'] = "h",
        ['ı'] = "i",
    };

    /// <summary>Only the digits, as the phone search compares them.</summary>
    public static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));
}

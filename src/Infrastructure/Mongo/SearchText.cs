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
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Only the digits, as the phone search compares them.</summary>
    public static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));
}

using System.Text.RegularExpressions;
using AppointmentSlices.Features.Common;

namespace AppointmentSlices.Features.ListPatients;

/// <summary>
/// How a search term is matched, chosen so that every way stays on an index. From three characters on, the
/// term is looked for anywhere in the name and the email, and, when it looks like a phone number, its digits
/// anywhere in the phone's digits: the trigram indexes serve substrings of three or more. One or two
/// characters are too few for a trigram, so they match the start of the name only.
/// </summary>
internal sealed partial record PatientSearch(string? Contains, string? PhoneDigits, string? NamePrefix)
{
    public const int ShortestSubstring = 3;

    public static readonly PatientSearch All = new(null, null, null);

    public static PatientSearch For(string? q)
    {
        var term = TextRules.BlankToNull(q);
        if (term is null)
        {
            return All;
        }

        if (term.EnumerateRunes().Count() < ShortestSubstring)
        {
            return new PatientSearch(null, null, term);
        }

        var digits = PhoneLike().IsMatch(term) ? new string(term.Where(char.IsAsciiDigit).ToArray()) : "";
        return new PatientSearch(term, digits.Length >= ShortestSubstring ? digits : null, null);
    }

    // "612 345", "+34 612-345", "(91) 555": only what a phone number is written with.
    [GeneratedRegex(@"^\+?[0-9 ().\-]+$")]
    private static partial Regex PhoneLike();
}

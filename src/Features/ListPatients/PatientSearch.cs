using System.Text.RegularExpressions;
using AppointmentSlices.Features.Common;

namespace AppointmentSlices.Features.ListPatients;

/// <summary>
/// How a search term is matched, chosen so that every way stays on an index. From three characters on, the
/// term is looked for anywhere in the name and the email, and, when it looks like a phone number, its digits
/// anywhere in the phone's digits: the trigram indexes serve substrings of three or more. One or two
/// characters are too few for a trigram, so they match the start of the name only. Several words, as in
/// "ana nunez", must each appear somewhere in the name, in any order ("Ana Matilde Núñez" matches); at least one
/// of them has three characters or more, so the trigram index still narrows the search.
/// </summary>
internal sealed partial record PatientSearch(
    string? Contains,
    string? PhoneDigits,
    string? NamePrefix,
    IReadOnlyList<string>? NameWords = null
)
{
    public const int ShortestSubstring = 3;

    /// <summary>Words past these are ignored: a name of more is not something a receptionist types.</summary>
    public const int MostWords = 5;

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

        var words = term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (
            words.Length > 1
            && !PhoneLike().IsMatch(term)
            && words.Any(w => w.EnumerateRunes().Count() >= ShortestSubstring)
        )
        {
            return new PatientSearch(null, null, null, words.Take(MostWords).ToList());
        }

        var digits = PhoneLike().IsMatch(term) ? new string(term.Where(char.IsAsciiDigit).ToArray()) : "";
        return new PatientSearch(term, digits.Length >= ShortestSubstring ? digits : null, null);
    }

    // "612 345", "+34 612-345", "(91) 555": only what a phone number is written with.
    [GeneratedRegex(@"^\+?[0-9 ().\-]+$")]
    private static partial Regex PhoneLike();
}

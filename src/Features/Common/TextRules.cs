namespace AppointmentSlices.Features.Common;

public static class TextRules
{
    /// <summary>Control characters (other than none at all) have no place in names, reasons or search terms.</summary>
    public static bool HasNoControlCharacters(string? text) => text is null || !text.Any(char.IsControl);

    /// <summary>Free text such as a reason for a visit: line breaks and tabs are fine, other controls not.</summary>
    public static bool IsFreeText(string? text) =>
        text is null || !text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));

    public static string? BlankToNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Makes a search term match literally inside LIKE, whatever %, _ or \ it holds.</summary>
    public static string EscapeLike(string term) => term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

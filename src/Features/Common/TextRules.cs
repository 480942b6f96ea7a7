namespace AppointmentSlices.Features.Common;

public static class TextRules
{
    /// <summary>Control characters (other than none at all) have no place in names, reasons or search terms.</summary>
    public static bool HasNoControlCharacters(string? text) => text is null || !text.Any(char.IsControl);

    /// <summary>Free text such as a reason for a visit: line breaks and tabs are fine, other controls not.</summary>
    public static bool IsFreeText(string? text) =>
        text is null || !text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));

    public static string? BlankToNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// A person's detail as it is stored: trimmed, and composed (NFC), so "é" typed as one character or as "e" and
    /// an accent is the same name and the same email. Text that is not valid Unicode is left as it is.
    /// </summary>
    public static string Tidy(string text)
    {
        var trimmed = text.Trim();
        try
        {
            return trimmed.Normalize(System.Text.NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return trimmed;
        }
    }

    /// <summary>Makes a search term match literally inside LIKE, whatever %, _ or \ it holds.</summary>
    public static string EscapeLike(string term) => term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

using AppointmentSlices.Features.Common;
using FluentValidation;

namespace AppointmentSlices.Features.Patients;

/// <summary>What a patient's own details must look like, whether registered or changed.</summary>
internal static class PatientRules
{
    public static IRuleBuilderOptions<T, string> IsPatientName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(200)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'Full Name' must not contain control characters.")
            .Must(name => !name.Any(IsInvisibleFormat))
            .WithMessage("'Full Name' must not contain invisible formatting characters.")
            .Must(name => name.Any(char.IsLetter))
            .WithMessage("'Full Name' must contain letters.");

    public static IRuleBuilderOptions<T, string> IsPatientEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(254)
            .EmailAddress()
            .Must(IsPlainAddress)
            .WithMessage("'Email' is not a valid email address.")
            .Must(email => !IsOnReservedDomain(email))
            .WithMessage("'Email' must be an address that can receive mail.");

    // The same shape the booking form accepts.
    public static IRuleBuilderOptions<T, string> IsPatientPhone<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(32)
            .Matches(@"^[+(]?[0-9+][0-9 ().\-]{5,31}$")
            .WithMessage("'Phone' must be a phone number such as +34 612 345 678.")
            .Must(phone => phone.Count(char.IsAsciiDigit) >= ShortestPhoneDigits)
            .WithMessage($"'Phone' must have at least {ShortestPhoneDigits} digits, such as +34 612 345 678.");

    // The shortest subscriber numbers in use have about six digits; punctuation alone is no number.
    private const int ShortestPhoneDigits = 6;

    // Zero-width spaces, direction overrides and the like: a name made of them looks empty or reads backwards.
    // The zero-width joiner and non-joiner stay, as some scripts spell names with them.
    private static bool IsInvisibleFormat(char c) =>
        char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c is not ('\u200C' or '\u200D');

    // A domain mail can be sent to: labels joined by dots, at least two of them, none empty ("a@b", "a@b.com."
    // and "a@b..com" are not).
    private static bool HasMailDomain(string email)
    {
        var address = email.Trim();
        var labels = address[(address.LastIndexOf('@') + 1)..].Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length > 0);
    }

    private static bool IsPlainAddress(string email) =>
        TextRules.HasNoControlCharacters(email) && !HasInnerWhitespace(email) && HasMailDomain(email);

    private static bool HasInnerWhitespace(string? email) => email is not null && email.Trim().Any(char.IsWhiteSpace);

    // ".invalid" can never receive mail (RFC 2606); erasure gives erased patients such addresses, so nobody
    // else may hold one.
    private static bool IsOnReservedDomain(string? email)
    {
        var domain = email?.Trim().Split('@')[^1] ?? "";
        return domain.Equals("invalid", StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);
    }
}

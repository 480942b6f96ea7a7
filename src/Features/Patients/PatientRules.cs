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
            .WithMessage("'Full Name' must not contain control characters.");

    public static IRuleBuilderOptions<T, string> IsPatientEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(254)
            .EmailAddress()
            .Must(email => TextRules.HasNoControlCharacters(email) && !HasInnerWhitespace(email))
            .WithMessage("'Email' is not a valid email address.")
            .Must(email => !IsOnReservedDomain(email))
            .WithMessage("'Email' must be an address that can receive mail.");

    // The same shape the booking form accepts.
    public static IRuleBuilderOptions<T, string> IsPatientPhone<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(32)
            .Matches(@"^[+(]?[0-9+][0-9 ().\-]{5,31}$")
            .WithMessage("'Phone' must be a phone number such as +34 612 345 678.");

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

using System.Globalization;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace AppointmentSlices.Web.Localization;

/// <summary>
/// Validation failures and conflicts as a patient reads them, in the page's language. Validators write English for
/// the API; a message PatientText knows is translated whole, others by the rule that failed, so that a new rule
/// still shows something readable beside its field.
/// </summary>
public static class PatientErrors
{
    private const string FillIn = "Please fill this in.";

    private static readonly Dictionary<string, string> ByRule = new(StringComparer.Ordinal)
    {
        ["NotEmptyValidator"] = FillIn,
        ["NotNullValidator"] = FillIn,
        ["MaximumLengthValidator"] = "Please keep this to {0} characters or fewer.",
        ["EmailValidator"] = "Please enter an email address such as ana@example.org.",
        ["RegularExpressionValidator"] = "Please enter a phone number such as +34 612 345 678.",
    };

    public static string Describe(ValidationFailure failure, IStringLocalizer<PatientText> text)
    {
        var whole = text[failure.ErrorMessage];
        if (!whole.ResourceNotFound)
        {
            return whole;
        }

        if (ByRule.TryGetValue(failure.ErrorCode ?? "", out var key))
        {
            var values = failure.FormattedMessagePlaceholderValues;
            var maxLength = values is not null && values.TryGetValue("MaxLength", out var max) ? max : null;
            return text[key, maxLength ?? ""];
        }

        if (InEnglish)
        {
            return failure.ErrorMessage;
        }

        return failure.PropertyName.Equals("startsAt", StringComparison.OrdinalIgnoreCase)
            ? text["This time can't be booked. Please choose another free slot."]
            : text["Please check this value."];
    }

    /// <summary>A whole message from the clinic's rules (a conflict's detail), translated when known.</summary>
    public static string Describe(string message, IStringLocalizer<PatientText> text) => text[message];

    private static bool InEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

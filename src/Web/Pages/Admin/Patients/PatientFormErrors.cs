using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AppointmentSlices.Web.Pages.Admin.Patients;

/// <summary>Puts a patient command's validation errors beside the form fields they name.</summary>
internal static class PatientFormErrors
{
    // The commands' property names are the forms' field names; any other error goes to the summary.
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "FullName", "Email", "Phone" };

    public static void AddTo(ModelStateDictionary modelState, ValidationException exception)
    {
        foreach (var error in exception.Errors)
        {
            modelState.AddModelError(Fields.Contains(error.PropertyName) ? error.PropertyName : "", error.ErrorMessage);
        }
    }

    public static bool HasFieldErrors(ModelStateDictionary modelState) =>
        modelState.Any(entry => entry.Key != "" && entry.Value?.Errors.Count > 0);
}

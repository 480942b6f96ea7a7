using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AppointmentSlices.Web.Pages.Admin.Doctors;

/// <summary>What the doctor pages share: errors beside their fields, the zone list, affected appointments.</summary>
internal static class DoctorPages
{
    public const string StatusKey = "DoctorStatus";

    // Every zone a doctor may work in, as IANA ids; computed once, the machine's tz database does not change.
    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() =>
        TimeZoneInfo
            .GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(TimeZones.IsIanaZoneId)
            .Order(StringComparer.Ordinal)
            .ToList()
    );

    /// <summary>
    /// Puts each validation error beside the input <paramref name="fieldOf"/> names for the command's property
    /// path; an error it names no input for goes to the summary at the top of the form.
    /// </summary>
    public static void AddErrors(ModelStateDictionary modelState, ValidationException e, Func<string, string?> fieldOf)
    {
        foreach (var error in e.Errors)
        {
            modelState.AddModelError(fieldOf(error.PropertyName) ?? "", error.ErrorMessage);
        }
    }

    public static bool HasFieldErrors(ModelStateDictionary modelState) =>
        modelState.Any(entry => entry.Key != "" && entry.Value?.Errors.Count > 0);

    public static IReadOnlyList<SelectListItem> ZoneOptions(string? selected)
    {
        var zones = Zones.Value;
        var options = zones.Select(z => new SelectListItem(z, z, z == selected)).ToList();
        if (!string.IsNullOrEmpty(selected) && !zones.Contains(selected))
        {
            options.Insert(0, new SelectListItem(selected, selected, true));
        }

        return options;
    }

    /// <summary>What the slot length input holds as the command's number; 0 (refused) when it is not one.</summary>
    public static int Minutes(string? text) => int.TryParse(text?.Trim(), out var minutes) ? minutes : 0;

    public static bool AffectsAppointments(ConflictException e) => e.Type == ProblemTypes.AppointmentsAffected;
}

/// <summary>
/// Booked appointments a schedule change affects, for the <c>_AffectedAppointments</c> partial: before the change
/// (<c>Applied</c> false: nothing changed yet) or after staff applied it anyway.
/// </summary>
public sealed record AffectedList(IReadOnlyList<AffectedAppointment> Appointments, bool Applied);

/// <summary>The doctor's details as the new and edit pages' shared fields show them.</summary>
public interface IDoctorForm
{
    string? FullName { get; }

    string? Specialty { get; }

    string? TimeZone { get; }

    string? SlotMinutes { get; }

    IReadOnlyList<SelectListItem> Zones { get; }

    IReadOnlyList<string> Specialties { get; }
}

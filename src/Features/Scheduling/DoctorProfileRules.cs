using AppointmentSlices.Features.Common;
using FluentValidation;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>The rules a doctor's name, specialty, zone and slot length keep, shared by creating and updating.</summary>
internal static class DoctorProfileRules
{
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 240;

    public static IRuleBuilderOptions<T, string> DoctorText<T>(this IRuleBuilder<T, string> rule, int maxLength) =>
        rule.NotEmpty()
            .MaximumLength(maxLength)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'{PropertyName}' must not contain control characters.");

    public static IRuleBuilderOptions<T, string> IanaTimeZone<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Must(TimeZones.IsIanaZoneId)
            .WithMessage(
                (_, zone) =>
                    TimeZones.SpellingOf(zone) is { } spelling
                        ? $"Write the time zone as IANA spells it: {spelling}."
                        : "Use an IANA time zone such as Europe/Madrid, America/New_York or UTC."
            );

    /// <summary>
    /// Slots are whole five-minute steps, the unit in which MongoDB claims a doctor's and a patient's time, so
    /// both providers see the same overlaps.
    /// </summary>
    public static IRuleBuilderOptions<T, int> SlotMinutes<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(MinSlotMinutes, MaxSlotMinutes)
            .WithMessage($"The slot length must be from {MinSlotMinutes} to {MaxSlotMinutes} minutes.")
            .Must(minutes => minutes is < MinSlotMinutes or > MaxSlotMinutes || minutes % WeeklyHours.StepMinutes == 0)
            .WithMessage($"The slot length must be a multiple of {WeeklyHours.StepMinutes} minutes, such as 15 or 25.");
}

using AppointmentSlices.Features.Common;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>A booked appointment a schedule change leaves off the schedule; times in the doctor's zone.</summary>
public sealed record AffectedAppointment(
    Guid Id,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid PatientId,
    string PatientName
);

/// <summary>
/// What a change that removes bookable time does to the doctor's future booked appointments. Nothing is
/// stranded silently: the change is refused with 409 listing them unless the request confirms it, and a
/// confirmed change leaves them Scheduled for staff to cancel or reschedule.
/// </summary>
public static class AffectedAppointments
{
    /// <summary>The problem details extension that lists them.</summary>
    public const string Extension = "affectedAppointments";

    /// <summary>
    /// The appointments that sit on the schedule before the change and not after it, in the zone the doctor has
    /// before it. Those already off the schedule (left there by an earlier confirmed change) are not listed again.
    /// </summary>
    public static IReadOnlyList<AffectedAppointment> Of(
        DoctorSchedule before,
        DoctorSchedule after,
        IEnumerable<AffectedAppointment> future
    ) => InZone(future.Where(a => Fits(before, a) && !Fits(after, a)), before.Zone);

    /// <summary>
    /// Whether an appointment sits on the schedule: it starts on the grid (<see cref="SlotCalendar.Check"/>), and
    /// all of it lies inside one working interval and clear of time off. An appointment longer or shorter than the
    /// slot length fits as long as it keeps to working time.
    /// </summary>
    public static bool Fits(DoctorSchedule schedule, AffectedAppointment appointment)
    {
        if (SlotCalendar.Check(schedule, appointment.StartsAt) != GridCheck.OnGrid)
        {
            return false;
        }

        var localStart = TimeZoneInfo.ConvertTime(appointment.StartsAt, schedule.Zone).DateTime;
        var localEnd = TimeZoneInfo.ConvertTime(appointment.EndsAt, schedule.Zone).DateTime;
        var (from, to) = (localStart - localStart.Date, localEnd - localStart.Date);
        return schedule.Hours.Any(h => h.Day == localStart.DayOfWeek && h.Starts <= from && to <= h.Ends)
            && !schedule.TimeOff.Any(off => off.Starts < localEnd && localStart < off.Ends);
    }

    /// <summary>Refuses with 409 a change that affects appointments when the request has not confirmed it.</summary>
    /// <exception cref="ConflictException">Some are affected and <paramref name="confirmed"/> is false.</exception>
    public static void RequireConfirmation(IReadOnlyList<AffectedAppointment> affected, bool confirmed, string change)
    {
        if (affected.Count == 0 || confirmed)
        {
            return;
        }

        var count = affected.Count == 1 ? "1 booked appointment" : $"{affected.Count} booked appointments";
        throw new ConflictException(
            ProblemTypes.AppointmentsAffected,
            "The change affects booked appointments",
            $"{change} would leave {count} outside the doctor's schedule, so nothing was changed. "
                + "Send confirm: true to apply it anyway; the appointments stay booked for staff to cancel or "
                + "reschedule.",
            new Dictionary<string, object?> { [Extension] = affected }
        );
    }

    /// <summary>The appointments a 409 from <see cref="RequireConfirmation"/> lists, for a page to show.</summary>
    public static IReadOnlyList<AffectedAppointment> ListedIn(ConflictException conflict) =>
        conflict.Extensions.GetValueOrDefault(Extension) as IReadOnlyList<AffectedAppointment> ?? [];

    public static IReadOnlyList<AffectedAppointment> InZone(
        IEnumerable<AffectedAppointment> appointments,
        TimeZoneInfo zone
    ) =>
        appointments
            .Select(a =>
                a with
                {
                    StartsAt = TimeZoneInfo.ConvertTime(a.StartsAt, zone),
                    EndsAt = TimeZoneInfo.ConvertTime(a.EndsAt, zone),
                }
            )
            .OrderBy(a => a.StartsAt)
            .ThenBy(a => a.Id)
            .ToList();
}

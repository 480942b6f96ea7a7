using System.Globalization;
using AppointmentSlices.Features.Common;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>
/// One end of a time window in a query: a calendar date (read in the doctor's zone for slots, in UTC for
/// appointment lists), or an exact instant with its offset.
/// </summary>
internal readonly record struct WindowBound(DateOnly? Date, DateTimeOffset? Instant)
{
    public const string FormatHelp =
        "Use a date such as 2026-03-30, or a date and time with an offset such as "
        + "2026-03-30T09:00:00+02:00, between the years 1900 and 2999.";

    public static bool TryParse(string text, out WindowBound bound)
    {
        // A "+" left unencoded in a query string arrives as a space: "2026-03-30T09:00:00 02:00".
        var repaired = text.Trim().Replace(' ', '+');
        if (
            DateOnly.TryParseExact(
                repaired,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
        )
        {
            bound = new WindowBound(date, null);
            return date.Year is >= Instants.FirstYear and <= Instants.LastYear;
        }

        var isInstant = Instants.TryParseWithOffset(repaired, out var instant);
        bound = new WindowBound(null, isInstant ? instant : null);
        return isInstant && Instants.IsPlausible(instant);
    }

    public static WindowBound Parse(string text) =>
        TryParse(text, out var bound) ? bound : throw new FormatException(FormatHelp);

    /// <summary>As a window's start: a date means the first instant of that local day.</summary>
    public DateTimeOffset StartIn(TimeZoneInfo zone) => Instant ?? FirstInstantOf(Date!.Value, zone);

    /// <summary>As a window's end: a date means the whole of that local day is included.</summary>
    public DateTimeOffset EndIn(TimeZoneInfo zone) => Instant ?? FirstInstantOf(Date!.Value.AddDays(1), zone);

    private static DateTimeOffset FirstInstantOf(DateOnly day, TimeZoneInfo zone)
    {
        // Midnight may not exist where a zone springs forward at 00:00; then the day starts at the first valid minute.
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (SlotCalendar.ToInstant(zone, local) is null)
        {
            local = local.AddMinutes(1);
        }

        return SlotCalendar.ToInstant(zone, local)!.Value;
    }
}

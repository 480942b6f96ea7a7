using AppointmentSlices.Features.Common;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AppointmentSlices.Features.AppointmentCalendar;

/// <summary>An iCalendar (RFC 5545) file: its text and the name a browser saves it under.</summary>
public sealed record CalendarFile(string FileName, string Text)
{
    public const string MediaType = "text/calendar";
}

/// <summary>One appointment as a calendar event. Instants may carry any offset; the file shows the doctor's.</summary>
internal sealed record CalendarEntry(
    Guid AppointmentId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Status,
    int Sequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Summary,
    string Description
);

/// <summary>
/// Writes appointments as iCalendar events on the doctor's wall clock: DTSTART and DTEND name the doctor's IANA
/// zone, and the file carries that zone's VTIMEZONE, so calendar apps keep 09:00 at 09:00 across daylight saving.
/// </summary>
internal static class CalendarText
{
    private const string ProductId = "-//AppointmentSlices//Clinic appointments//EN";

    public static string Write(
        string timeZone,
        IReadOnlyList<CalendarEntry> entries,
        DateTimeOffset now,
        DateTimeOffset earliest,
        string? calendarName = null
    )
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH" };
        if (calendarName is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", calendarName);
            calendar.AddProperty("X-WR-TIMEZONE", timeZone);
        }

        // The zone's rules from a year before the first event: a window that began in the summer just before the
        // autumn change held only the winter rule, so calendar apps read that day's summer times an hour off.
        var firstLocal = TimeZoneInfo.ConvertTime(earliest, zone).DateTime.AddYears(-1);
        calendar.AddTimeZone(timeZone, firstLocal, includeHistoricalData: false);

        foreach (var entry in entries)
        {
            calendar.Events.Add(
                new CalendarEvent
                {
                    Uid = entry.AppointmentId.ToString(),
                    DtStart = OnWallClock(entry.StartsAt, zone, timeZone),
                    DtEnd = OnWallClock(entry.EndsAt, zone, timeZone),
                    DtStamp = Utc(now),
                    Created = Utc(entry.CreatedAt),
                    LastModified = Utc(entry.UpdatedAt),
                    Sequence = entry.Sequence,
                    Status =
                        entry.Status == AppointmentStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                    Summary = entry.Summary,
                    Description = entry.Description,
                    Transparency = entry.Status == AppointmentStatus.Cancelled ? "TRANSPARENT" : "OPAQUE",
                }
            );
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// The instant as local time with the zone's TZID. A repeated wall-clock time (the hour the clocks go back) is
    /// read as its first occurrence, so an instant in the second one is written in UTC instead to stay exact.
    /// </summary>
    private static CalDateTime OnWallClock(DateTimeOffset instant, TimeZoneInfo zone, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var isSecondOccurrence =
            zone.IsAmbiguousTime(local) && local.Offset != zone.GetAmbiguousTimeOffsets(local).Max();
        return isSecondOccurrence
            ? Utc(instant)
            : new CalDateTime(DateTime.SpecifyKind(local.DateTime, DateTimeKind.Unspecified), timeZone);
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime);
}

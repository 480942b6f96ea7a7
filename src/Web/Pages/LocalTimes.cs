using System.Globalization;

namespace AppointmentSlices.Web.Pages;

/// <summary>
/// How pages show instants: on the doctor's wall clock, in the reader's language (the request's culture:
/// Spanish or English on the patient pages, English in the back office), always on a 24-hour clock.
/// </summary>
public static class LocalTimes
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private static bool InSpanish => Culture.TwoLetterISOLanguageName == "es";

    public static DateTimeOffset In(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(In(clock.GetUtcNow(), timeZone).DateTime);

    /// <summary>"Tuesday 17 March 2026", "Martes, 17 de marzo de 2026".</summary>
    public static string Day(DateTimeOffset local) => Day(DateOnly.FromDateTime(local.DateTime));

    public static string Day(DateOnly day) =>
        Capitalized(day.ToString(InSpanish ? "dddd, d 'de' MMMM 'de' yyyy" : "dddd d MMMM yyyy", Culture));

    /// <summary>"Tue 17", "mar 17": a column heading of the week.</summary>
    public static string ShortDay(DateOnly day) => day.ToString("ddd d", Culture).Replace(".", "");

    public static string DayAndMonth(DateOnly day) => day.ToString(InSpanish ? "d 'de' MMMM" : "d MMMM", Culture);

    public static string DayMonthYear(DateOnly day) =>
        day.ToString(InSpanish ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", Culture);

    public static string Time(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone as readers know it, with its IANA id: "Europe/Madrid, UTC+01:00".</summary>
    public static string Zone(string timeZone, DateTimeOffset local) =>
        $"{timeZone}, UTC{local.ToString("zzz", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The zone of an appointment from <paramref name="start"/> to <paramref name="end"/>: when the clocks change
    /// in between, both offsets, "America/New_York, UTC-04:00 → UTC-05:00", so 01:30–01:00 reads right.
    /// </summary>
    public static string Zone(string timeZone, DateTimeOffset start, DateTimeOffset end) =>
        start.Offset == end.Offset
            ? Zone(timeZone, start)
            : $"{Zone(timeZone, start)} → UTC{end.ToString("zzz", CultureInfo.InvariantCulture)}";

    /// <summary>As the booking link and the API take it: ISO-8601 with offset, "2026-03-30T09:00:00+02:00".</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
}

using System.Globalization;

namespace AppointmentSlices.Web.Pages;

/// <summary>
/// How the booking pages show instants: on the doctor's wall clock, in British English for now.
/// The words around these values stay in the .cshtml files so they can be localised later.
/// </summary>
public static class LocalTimes
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset In(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(In(clock.GetUtcNow(), timeZone).DateTime);

    public static string Day(DateTimeOffset local) => local.ToString("dddd d MMMM yyyy", Culture);

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    public static string DayAndMonth(DateOnly day) => day.ToString("d MMMM", Culture);

    public static string DayMonthYear(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    public static string Time(DateTimeOffset local) => local.ToString("HH:mm", Culture);

    /// <summary>As the booking link and the API take it: ISO-8601 with offset, "2026-03-30T09:00:00+02:00".</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

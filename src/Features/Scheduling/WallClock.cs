using System.Globalization;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>
/// Wall-clock values as the API writes them, without an offset because they are read in the doctor's zone:
/// times of day as "HH:mm" and date-times as "yyyy-MM-ddTHH:mm".
/// </summary>
public static class WallClock
{
    public const string TimeHelp = "Use a time of day such as 09:00 (HH:mm, 24-hour clock).";
    public const string EndTimeHelp = "Use a time of day such as 18:00 (HH:mm, 24-hour clock), or 24:00 for midnight.";
    public const string DateTimeHelp =
        "Use a local date and time such as 2026-03-30T09:00 (yyyy-MM-ddTHH:mm), between the years 1900 and 2999.";

    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The end of the day, which a working interval may end at but none may start at.</summary>
    public static readonly TimeSpan Midnight = TimeSpan.FromHours(24);

    /// <summary>"HH:mm" from 00:00 to 23:59, and "24:00" too when <paramref name="isEnd"/>.</summary>
    public static bool TryParseTime(string? text, bool isEnd, out TimeSpan time)
    {
        time = default;
        if (text is not { Length: 5 } || text[2] != ':' || !IsDigits(text[..2]) || !IsDigits(text[3..]))
        {
            return false;
        }

        var hours = int.Parse(text[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(text[3..], CultureInfo.InvariantCulture);
        if (hours == 24 && minutes == 0 && isEnd)
        {
            time = Midnight;
            return true;
        }

        if (hours > 23 || minutes > 59)
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0);
        return true;
    }

    /// <summary>"09:00"; the end of the day is "24:00".</summary>
    public static string FormatTime(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");

    /// <summary>A local date-time "yyyy-MM-ddTHH:mm" between the years 1900 and 2999, of unspecified kind.</summary>
    public static bool TryParseDateTime(string? text, out DateTime local)
    {
        var parsed = DateTime.TryParseExact(
            text,
            DateTimeFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out local
        );
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return parsed && local.Year is >= 1900 and <= 2999;
    }

    public static string FormatDateTime(DateTime local) => local.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static bool IsDigits(string text) => text.All(char.IsAsciiDigit);
}

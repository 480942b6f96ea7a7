using System.Globalization;
using AppointmentSlices.Features.AvailableSlots;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Web.Pages.Doctors;
using FluentValidation;
using Mediator;

namespace AppointmentSlices.Web.Pages.Manage;

/// <summary>
/// A week of one doctor's free slots, Monday to Sunday on the doctor's wall clock, offered as new times for an
/// appointment; the patient's reschedule page and the back office's share it.
/// </summary>
public sealed record SlotWeek(
    string TimeZone,
    DateOnly Monday,
    DateOnly ThisMonday,
    IReadOnlyList<SlotDay> Days,
    bool WeekWasUnreadable,
    IReadOnlyList<string> Problems
)
{
    // As on the doctor's slots page: weeks further away than this are unreadable, nobody books years ahead.
    private const int FarthestWeekInDays = 5 * 366;

    public DateOnly Sunday => Monday.AddDays(6);

    public static async Task<SlotWeek> LoadAsync(
        IMediator mediator,
        TimeProvider clock,
        Guid doctorId,
        string timeZone,
        string? week,
        CancellationToken ct
    )
    {
        var today = LocalTimes.Today(clock, timeZone);
        var asked = ReadWeek(week, today, out var unreadable);
        var monday = MondayOf(asked ?? today);
        var query = new AvailableSlotsQuery(
            doctorId,
            From: LocalTimes.IsoDate(monday),
            To: LocalTimes.IsoDate(monday.AddDays(6))
        );

        IReadOnlyList<SlotDay> days = [];
        IReadOnlyList<string> problems = [];
        try
        {
            var slots = (await mediator.Send(query, ct)).Slots;
            days = GroupByDay(slots.Select(s => LocalTimes.In(s.StartsAt, timeZone)).ToList(), monday);
        }
        catch (NotFoundException)
        {
            problems = ["The doctor is no longer taking bookings, so there are no free slots to move to."];
        }
        catch (ValidationException e)
        {
            problems = e.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
        }

        return new SlotWeek(timeZone, monday, MondayOf(today), days, unreadable, problems);
    }

    /// <summary>The week a "week" query value names, by any of its days; null for none or an unreadable one.</summary>
    private static DateOnly? ReadWeek(string? week, DateOnly today, out bool unreadable)
    {
        unreadable = false;
        if (string.IsNullOrWhiteSpace(week))
        {
            return null;
        }

        var readable = DateOnly.TryParseExact(
            week.Trim(),
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var day
        );
        unreadable = !readable || Math.Abs(day.DayNumber - today.DayNumber) > FarthestWeekInDays;
        return unreadable ? null : day;
    }

    private static List<SlotDay> GroupByDay(List<DateTimeOffset> starts, DateOnly monday) =>
        Enumerable
            .Range(0, 7)
            .Select(offset => monday.AddDays(offset))
            .Select(day => new SlotDay(
                day,
                starts.Where(s => DateOnly.FromDateTime(s.DateTime) == day).OrderBy(s => s).ToList()
            ))
            .ToList();

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

/// <summary>What the slot picker partial needs: the week, and the page (with its route values) it posts to.</summary>
public sealed record SlotPicker(SlotWeek Week, string PageName, IReadOnlyDictionary<string, string> Route)
{
    public Dictionary<string, string> RouteFor(DateOnly week) => new(Route) { ["week"] = LocalTimes.IsoDate(week) };
}

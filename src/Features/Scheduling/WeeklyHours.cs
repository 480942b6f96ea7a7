using AppointmentSlices.Features.GetDoctor;
using FluentValidation;
using FluentValidation.Results;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>
/// A working interval as a request gives it: a day such as "Monday" and wall-clock "HH:mm" times in the doctor's
/// zone, "24:00" ending at midnight. Every part may be missing from the JSON, so the validator can name it.
/// </summary>
public sealed record WorkingInterval(DayOfWeek? Day, string? Starts, string? Ends);

/// <summary>
/// The rules a doctor's week of working hours must keep: known days, "HH:mm" times on five-minute steps, each
/// interval ending after it starts, and no two intervals of one day overlapping (touching is fine). Each failure
/// names the item's field, such as <c>WorkingHours[2].Starts</c>, so a form can show it beside its input.
/// </summary>
public static class WeeklyHours
{
    public const int MaxIntervals = 100;

    /// <summary>Working hours start and end on five-minute steps (09:05, not 09:07), like slot lengths.</summary>
    public const int StepMinutes = 5;

    private const string StepHelp = "Use a time on a 5-minute step, such as 09:00 or 09:05.";

    internal static void Check<T>(IReadOnlyList<WorkingInterval>? week, ValidationContext<T> context, string property)
    {
        if (week is null)
        {
            return;
        }

        if (week.Count > MaxIntervals)
        {
            context.AddFailure(property, $"Give at most {MaxIntervals} working intervals a week.");
            return;
        }

        var valid = new List<(int Index, WorkingHours Hours)>();
        for (var i = 0; i < week.Count; i++)
        {
            if (Read(week[i], $"{property}[{i}]", context) is { } hours)
            {
                valid.Add((i, hours));
            }
        }

        foreach (var day in valid.GroupBy(v => v.Hours.Day))
        {
            CheckNoOverlap(day.OrderBy(v => v.Hours.Starts).ThenBy(v => v.Index).ToList(), property, context);
        }
    }

    /// <summary>The intervals of a week the validator has passed, Monday first.</summary>
    public static IReadOnlyList<WorkingHours> Parse(IEnumerable<WorkingInterval> week) =>
        InWeekOrder(
            week.Select(item =>
            {
                WallClock.TryParseTime(item.Starts, isEnd: false, out var starts);
                WallClock.TryParseTime(item.Ends, isEnd: true, out var ends);
                return new WorkingHours(item.Day!.Value, starts, ends);
            })
        );

    /// <summary>A week as the API shows it: Monday first, each day's intervals in order.</summary>
    public static IReadOnlyList<WorkingHoursItem> ToItems(IEnumerable<WorkingHours> week) =>
        InWeekOrder(week)
            .Select(h => new WorkingHoursItem(h.Day, WallClock.FormatTime(h.Starts), WallClock.FormatTime(h.Ends)))
            .ToList();

    private static List<WorkingHours> InWeekOrder(IEnumerable<WorkingHours> week) =>
        week.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Starts).ToList();

    private static WorkingHours? Read<T>(WorkingInterval? item, string path, ValidationContext<T> context)
    {
        if (item is null)
        {
            context.AddFailure(path, "Give a working interval: day, starts and ends.");
            return null;
        }

        var dayIsKnown = item.Day is { } day && Enum.IsDefined(day);
        if (!dayIsKnown)
        {
            context.AddFailure($"{path}.Day", "Give a day of the week such as Monday.");
        }

        var startsRead = WallClock.TryParseTime(item.Starts, isEnd: false, out var starts);
        if (!startsRead)
        {
            context.AddFailure($"{path}.Starts", WallClock.TimeHelp);
        }
        else if (!OnStep(starts))
        {
            context.AddFailure($"{path}.Starts", StepHelp);
            startsRead = false;
        }

        var endsRead = WallClock.TryParseTime(item.Ends, isEnd: true, out var ends);
        if (!endsRead)
        {
            context.AddFailure($"{path}.Ends", WallClock.EndTimeHelp);
        }
        else if (!OnStep(ends))
        {
            context.AddFailure($"{path}.Ends", StepHelp);
            endsRead = false;
        }
        else if (startsRead && ends <= starts)
        {
            context.AddFailure($"{path}.Ends", $"The end must come after the start ({item.Starts}).");
            return null;
        }

        return dayIsKnown && startsRead && endsRead ? new WorkingHours(item.Day!.Value, starts, ends) : null;
    }

    private static bool OnStep(TimeSpan time) => time.Minutes % StepMinutes == 0;

    private static void CheckNoOverlap<T>(
        List<(int Index, WorkingHours Hours)> day,
        string property,
        ValidationContext<T> context
    )
    {
        var latest = day[0];
        foreach (var current in day.Skip(1))
        {
            if (current.Hours.Starts < latest.Hours.Ends)
            {
                var other = latest.Hours;
                context.AddFailure(
                    new ValidationFailure(
                        $"{property}[{current.Index}].Starts",
                        $"This interval overlaps {WallClock.FormatTime(other.Starts)}–"
                            + $"{WallClock.FormatTime(other.Ends)}"
                            + $" on {other.Day}; intervals of one day may touch but not overlap."
                    )
                );
            }

            if (current.Hours.Ends > latest.Hours.Ends)
            {
                latest = current;
            }
        }
    }
}

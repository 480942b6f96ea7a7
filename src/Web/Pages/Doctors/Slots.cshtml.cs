using System.Globalization;
using AppointmentSlices.Features.AvailableSlots;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Web.Localization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AppointmentSlices.Web.Pages.Doctors;

/// <summary>One doctor's free slots for a week, Monday to Sunday on the doctor's wall clock.</summary>
public sealed class SlotsModel(IMediator mediator, TimeProvider clock, IStringLocalizer<PatientText> text) : PageModel
{
    // Weeks further away than this are refused as unreadable: nobody books years ahead, and it keeps dates in range.
    private const int FarthestWeekInDays = 5 * 366;

    // Four weeks after this one: as far as one free-slot query reaches (31 days at most).
    private const int LookAheadDays = 28;

    public DoctorDetails Doctor { get; private set; } = null!;

    public DateOnly Monday { get; private set; }

    public DateOnly ThisMonday { get; private set; }

    public IReadOnlyList<SlotDay> Days { get; private set; } = [];

    public bool WeekWasUnreadable { get; private set; }

    /// <summary>No week was asked for and this one had nothing free: the page shows the first week that has.</summary>
    public bool MovedToFirstFreeWeek { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? week, CancellationToken ct)
    {
        try
        {
            Doctor = await mediator.Send(new GetDoctorQuery(id), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (!Doctor.IsActive)
        {
            return NotFound();
        }

        var today = LocalTimes.Today(clock, Doctor.TimeZone);
        ThisMonday = MondayOf(today);
        var asked = ReadWeek(week, today);
        Monday = MondayOf(asked ?? today);
        try
        {
            var slots = await SlotsAsync(id, Monday, Monday.AddDays(6), ct);
            if (asked is null && slots.Count == 0)
            {
                // Opening a doctor on a full week (or on a Friday evening) shows the next free one instead.
                var later = await SlotsAsync(id, Monday.AddDays(7), Monday.AddDays(7 + LookAheadDays - 1), ct);
                if (later.Count > 0)
                {
                    Monday = MondayOf(
                        DateOnly.FromDateTime(LocalTimes.In(later[0].StartsAt, Doctor.TimeZone).DateTime)
                    );
                    slots = later;
                    MovedToFirstFreeWeek = true;
                }
            }

            Days = GroupByDay(slots);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => PatientErrors.Describe(error, text)).Distinct().ToList();
        }

        return Page();
    }

    private async Task<IReadOnlyList<Slot>> SlotsAsync(Guid id, DateOnly from, DateOnly to, CancellationToken ct) =>
        (
            await mediator.Send(
                new AvailableSlotsQuery(id, From: LocalTimes.IsoDate(from), To: LocalTimes.IsoDate(to)),
                ct
            )
        ).Slots;

    private DateOnly? ReadWeek(string? week, DateOnly today)
    {
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
        WeekWasUnreadable = !readable || Math.Abs(day.DayNumber - today.DayNumber) > FarthestWeekInDays;
        return WeekWasUnreadable ? null : day;
    }

    private List<SlotDay> GroupByDay(IReadOnlyList<Slot> slots)
    {
        var starts = slots.Select(s => LocalTimes.In(s.StartsAt, Doctor.TimeZone)).OrderBy(s => s).ToList();
        return Enumerable
            .Range(0, 7)
            .Select(offset => Monday.AddDays(offset))
            .Select(day => new SlotDay(day, starts.Where(s => DateOnly.FromDateTime(s.DateTime) == day).ToList()))
            .ToList();
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

/// <summary>A day of the week shown, with the local start of each free slot.</summary>
public sealed record SlotDay(DateOnly Day, IReadOnlyList<DateTimeOffset> Starts);

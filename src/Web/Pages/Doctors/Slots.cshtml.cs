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

    public DoctorDetails Doctor { get; private set; } = null!;

    public DateOnly Monday { get; private set; }

    public DateOnly ThisMonday { get; private set; }

    public IReadOnlyList<SlotDay> Days { get; private set; } = [];

    public bool WeekWasUnreadable { get; private set; }

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
        Monday = MondayOf(ReadWeek(week, today) ?? today);
        var query = new AvailableSlotsQuery(
            id,
            From: LocalTimes.IsoDate(Monday),
            To: LocalTimes.IsoDate(Monday.AddDays(6))
        );
        try
        {
            Days = GroupByDay((await mediator.Send(query, ct)).Slots);
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

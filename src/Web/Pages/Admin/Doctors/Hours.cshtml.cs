using System.Text.RegularExpressions;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Features.SetWorkingHours;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Doctors;

/// <summary>
/// The doctor's week, a few start and end times per day, saved whole as one working hours request. Rows left
/// blank are no interval; an end of 00:00 is midnight, since a time input cannot say 24:00.
/// </summary>
public sealed partial class HoursModel(IMediator mediator) : PageModel
{
    public static readonly DayOfWeek[] Week =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
        DayOfWeek.Saturday,
        DayOfWeek.Sunday,
    ];

    private const int RowsPerDay = 3;

    [BindProperty]
    public List<DayInput> Days { get; set; } = [];

    [BindProperty]
    public bool Confirm { get; set; }

    public DoctorDetails Doctor { get; private set; } = null!;

    public AffectedList? Affected { get; private set; }

    public bool HasFieldErrors => DoctorPages.HasFieldErrors(ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await TryLoadAsync(id, ct))
        {
            return NotFound();
        }

        Days = FromWeek(Doctor.WorkingHours);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // The page always sends all seven days; fewer is a cut-off or hand-made post, which would otherwise save an
        // empty week in place of the days it left out.
        var complete = Days.Count == Week.Length;
        var (week, inputs) = ToWeek();
        if (!complete)
        {
            ModelState.AddModelError("", "The form arrived incomplete, so nothing was saved. Enter the hours again.");
            if (!await TryLoadAsync(id, ct))
            {
                return NotFound();
            }

            var incomplete = Page();
            incomplete.StatusCode = StatusCodes.Status400BadRequest;
            return incomplete;
        }

        try
        {
            var saved = await mediator.Send(new SetWorkingHoursCommand(id, week, Confirm), ct);
            if (saved.AffectedAppointments.Count == 0)
            {
                TempData[DoctorPages.StatusKey] = "The working hours are saved.";
                return Redirect($"/admin/doctors/{id}/hours");
            }

            Affected = new AffectedList(saved.AffectedAppointments, Applied: true);
            ModelState.Clear();
            Days = FromWeek(saved.WorkingHours);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            DoctorPages.AddErrors(ModelState, e, property => InputOf(property, inputs));
        }
        catch (ConflictException e) when (DoctorPages.AffectsAppointments(e))
        {
            Affected = new AffectedList(AffectedAppointments.ListedIn(e), Applied: false);
        }

        return await TryLoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The filled rows as the request's week, and the input each of its items came from.</summary>
    private (List<WorkingInterval> Week, List<string> Inputs) ToWeek()
    {
        var week = new List<WorkingInterval>();
        var inputs = new List<string>();
        for (var d = 0; d < Week.Length; d++)
        {
            var intervals = Days.ElementAtOrDefault(d)?.Intervals ?? [];
            for (var i = 0; i < intervals.Count; i++)
            {
                var (starts, ends) = (Time(intervals[i].Starts), Time(intervals[i].Ends));
                if (starts.Length > 0 || ends.Length > 0)
                {
                    week.Add(new WorkingInterval(Week[d], starts, ends == "00:00" ? "24:00" : ends));
                    inputs.Add($"{nameof(Days)}[{d}].{nameof(DayInput.Intervals)}[{i}]");
                }
            }
        }

        Days = Week.Select((day, d) => new DayInput { Day = day, Intervals = Padded(Days.ElementAtOrDefault(d)) })
            .ToList();
        return (week, inputs);
    }

    // "WorkingHours[3].Ends" → "Days[1].Intervals[0].Ends"; errors about a whole item or the week go on top.
    private static string? InputOf(string property, List<string> inputs)
    {
        var match = ItemField().Match(property);
        return match.Success && int.TryParse(match.Groups["item"].Value, out var item) && item < inputs.Count
            ? $"{inputs[item]}.{match.Groups["field"].Value}"
            : null;
    }

    private static List<DayInput> FromWeek(IReadOnlyList<WorkingHoursItem> week) =>
        Week.Select(day => new DayInput
            {
                Day = day,
                Intervals = Padded(
                    week.Where(h => h.Day == day)
                        .Select(h => new IntervalInput
                        {
                            Starts = h.Starts,
                            Ends = h.Ends == "24:00" ? "00:00" : h.Ends,
                        })
                        .ToList()
                ),
            })
            .ToList();

    // Room for one more interval than the day has, and at least the usual few.
    private static List<IntervalInput> Padded(DayInput? day) => Padded(day?.Intervals ?? []);

    private static List<IntervalInput> Padded(List<IntervalInput> intervals)
    {
        var rows = new List<IntervalInput>(intervals);
        while (rows.Count < RowsPerDay || rows.Count(r => r.IsBlank) == 0)
        {
            rows.Add(new IntervalInput());
        }

        return rows;
    }

    // Browsers send "09:00", or "09:00:00" when the value carried seconds.
    private static string Time(string? text)
    {
        var time = text?.Trim() ?? "";
        return time.Length == 8 && time.EndsWith(":00", StringComparison.Ordinal) ? time[..5] : time;
    }

    private async Task<bool> TryLoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Doctor = await mediator.Send(new GetDoctorQuery(id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^WorkingHours\[(?<item>\d+)\]\.(?<field>Starts|Ends)$")]
    private static partial Regex ItemField();
}

public sealed class DayInput
{
    public DayOfWeek Day { get; set; }

    public List<IntervalInput> Intervals { get; set; } = [];
}

public sealed class IntervalInput
{
    public string? Starts { get; set; }

    public string? Ends { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Starts) && string.IsNullOrWhiteSpace(Ends);
}

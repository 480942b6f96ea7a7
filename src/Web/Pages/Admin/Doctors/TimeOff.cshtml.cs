using System.Globalization;
using AppointmentSlices.Features.AddTimeOff;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.ListTimeOff;
using AppointmentSlices.Features.RemoveTimeOff;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Doctors;

/// <summary>A doctor's time off from a day on (today by default): add leave, remove it.</summary>
public sealed class TimeOffModel(IMediator mediator, TimeProvider clock) : PageModel
{
    private const int Shown = 100;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        nameof(Starts),
        nameof(Ends),
        nameof(Reason),
    };

    [BindProperty]
    public string? Starts { get; set; }

    [BindProperty]
    public string? Ends { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public DoctorDetails Doctor { get; private set; } = null!;

    public IReadOnlyList<TimeOffItem> Items { get; private set; } = [];

    public bool HasMore { get; private set; }

    public string? ListProblem { get; private set; }

    public AffectedList? Affected { get; private set; }

    public bool HasFieldErrors => DoctorPages.HasFieldErrors(ModelState);

    public string FromDate => From ?? LocalTimes.IsoDate(LocalTimes.Today(clock, Doctor.TimeZone));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await TryLoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var command = new AddTimeOffCommand(id, LocalTime(Starts), LocalTime(Ends), Reason, Confirm);
        try
        {
            var added = await mediator.Send(command, ct);
            if (added.AffectedAppointments.Count == 0)
            {
                TempData[DoctorPages.StatusKey] = "The time off is added.";
                return Redirect($"/admin/doctors/{id}/time-off");
            }

            Affected = new AffectedList(added.AffectedAppointments, Applied: true);
            ModelState.Clear();
            (Starts, Ends, Reason) = (null, null, null);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            DoctorPages.AddErrors(ModelState, e, property => Fields.Contains(property) ? property : null);
        }
        catch (ConflictException e) when (DoctorPages.AffectsAppointments(e))
        {
            Affected = new AffectedList(AffectedAppointments.ListedIn(e), Applied: false);
        }

        return await TryLoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid timeOffId, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new RemoveTimeOffCommand(id, timeOffId), ct);
            TempData[DoctorPages.StatusKey] = "The time off is removed; its slots can be booked again.";
        }
        catch (NotFoundException)
        {
            TempData[DoctorPages.StatusKey] = "That time off had already been removed.";
        }

        return Redirect($"/admin/doctors/{id}/time-off");
    }

    /// <summary>"Monday 30 March 2026, 09:00" from the API's "2026-03-30T09:00".</summary>
    public static string Show(string local) =>
        WallClock.TryParseDateTime(local, out var value)
            ? value.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))
            : local;

    // Browsers send "2026-03-30T09:00", or with ":00" seconds when the value carried them.
    private static string LocalTime(string? text)
    {
        var time = text?.Trim() ?? "";
        return time.Length == 19 && time.EndsWith(":00", StringComparison.Ordinal) ? time[..16] : time;
    }

    private async Task<bool> TryLoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Doctor = await mediator.Send(new GetDoctorQuery(id), ct);
            var page = await mediator.Send(new ListTimeOffQuery(id, From, Limit: Shown), ct);
            Items = page.Items;
            HasMore = page.NextCursor is not null;
        }
        catch (NotFoundException)
        {
            return false;
        }
        catch (ValidationException e)
        {
            ListProblem = string.Join(" ", e.Errors.Select(error => error.ErrorMessage).Distinct());
        }

        return true;
    }
}

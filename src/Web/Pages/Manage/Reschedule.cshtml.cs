using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.RescheduleAppointment;
using AppointmentSlices.Web.Localization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AppointmentSlices.Web.Pages.Manage;

/// <summary>The patient moves their appointment to another free slot of the same doctor, a week at a time.</summary>
public sealed class RescheduleModel(IMediator mediator, TimeProvider clock, IStringLocalizer<PatientText> text)
    : PrivateLinkPageModel(mediator, clock)
{
    [BindProperty]
    public string? NewStartsAt { get; set; }

    public SlotPicker Picker { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, string? week, CancellationToken ct)
    {
        if (!await TryLoadAsync(token, ct))
        {
            return NotFound();
        }

        return await ShowAsync(week, ct);
    }

    public async Task<IActionResult> OnPostAsync(string token, string? week, CancellationToken ct)
    {
        if (!await TryLoadAsync(token, ct))
        {
            return NotFound();
        }

        if (!CanMove)
        {
            return await ShowAsync(week, ct);
        }

        if (!Instants.TryParseWithOffset((NewStartsAt ?? "").Replace(' ', '+'), out var startsAt))
        {
            Problems = [text["Choose one of the free slots below."]];
            return await ShowAsync(week, ct);
        }

        try
        {
            var moved = await Mediator.Send(
                new RescheduleAppointmentCommand(Appointment.Id, startsAt, Actor.Patient),
                ct
            );
            var local = LocalTimes.In(moved.StartsAt, moved.TimeZone);
            TempData[nameof(IndexModel.Notice)] = text[
                "Your appointment has moved to {0} at {1}.",
                LocalTimes.Day(local),
                LocalTimes.Time(local)
            ].Value;
            return RedirectToPage("/Manage/Index", new { token });
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => PatientErrors.Describe(error, text)).Distinct().ToList();
        }
        catch (ConflictException e)
        {
            Problems =
            [
                e.Type == ProblemTypes.SlotTaken
                    ? text["Someone has just taken that time."]
                    : PatientErrors.Describe(e.Message, text),
            ];
            await TryLoadAsync(token, ct);
        }

        return await ShowAsync(week, ct);
    }

    private async Task<PageResult> ShowAsync(string? week, CancellationToken ct)
    {
        if (!CanMove)
        {
            return Page();
        }

        var slots = await SlotWeek.LoadAsync(Mediator, Clock, Appointment.DoctorId, Appointment.TimeZone, week, ct);
        Picker = new SlotPicker(slots, "/Manage/Reschedule", new Dictionary<string, string> { ["token"] = Token });
        return Page();
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.RescheduleAppointment;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Manage;

/// <summary>The patient moves their appointment to another free slot of the same doctor, a week at a time.</summary>
public sealed class RescheduleModel(IMediator mediator, TimeProvider clock) : PrivateLinkPageModel(mediator, clock)
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

        if (!CanChange)
        {
            return await ShowAsync(week, ct);
        }

        if (!Instants.TryParseWithOffset((NewStartsAt ?? "").Replace(' ', '+'), out var startsAt))
        {
            Problems = ["Choose one of the free slots below."];
            return await ShowAsync(week, ct);
        }

        try
        {
            var moved = await Mediator.Send(
                new RescheduleAppointmentCommand(Appointment.Id, startsAt, Actor.Patient),
                ct
            );
            var local = LocalTimes.In(moved.StartsAt, moved.TimeZone);
            TempData[nameof(IndexModel.Notice)] =
                $"Your appointment has moved to {LocalTimes.Day(local)} at {LocalTimes.Time(local)}.";
            return RedirectToPage("/Manage/Index", new { token });
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
        }
        catch (ConflictException e)
        {
            Problems = [e.Type == ProblemTypes.SlotTaken ? "Someone has just taken that time." : e.Message];
            await TryLoadAsync(token, ct);
        }

        return await ShowAsync(week, ct);
    }

    private async Task<PageResult> ShowAsync(string? week, CancellationToken ct)
    {
        if (!CanChange)
        {
            return Page();
        }

        var slots = await SlotWeek.LoadAsync(Mediator, Clock, Appointment.DoctorId, Appointment.TimeZone, week, ct);
        Picker = new SlotPicker(slots, "/Manage/Reschedule", new Dictionary<string, string> { ["token"] = Token });
        return Page();
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Features.RescheduleAppointment;
using AppointmentSlices.Web.Pages.Manage;
using AppointmentSlices.Web.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Appointments;

/// <summary>The staff move an appointment to another free slot of the same doctor, a week at a time.</summary>
public sealed class RescheduleModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? NewStartsAt { get; set; }

    public AppointmentDetails Appointment { get; private set; } = null!;

    public DateTimeOffset CurrentStart => LocalTimes.In(Appointment.StartsAt, Appointment.TimeZone);

    public bool CanChange =>
        Appointment.Status == AppointmentStatus.Scheduled && Appointment.StartsAt > clock.GetUtcNow();

    public SlotPicker? Picker { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? week, CancellationToken ct) =>
        await TryLoadAsync(id, ct) ? await ShowAsync(week, ct) : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? week, CancellationToken ct)
    {
        if (!await TryLoadAsync(id, ct))
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
            var moved = await mediator.Send(new RescheduleAppointmentCommand(id, startsAt, User.AsActor()), ct);
            var local = LocalTimes.In(moved.StartsAt, moved.TimeZone);
            TempData[nameof(DetailsModel.Notice)] = $"Moved to {LocalTimes.Day(local)} at {LocalTimes.Time(local)}.";
            return RedirectToPage("/Admin/Appointments/Details", new { id });
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
        }
        catch (ConflictException e)
        {
            Problems = [e.Message];
            await TryLoadAsync(id, ct);
        }

        return await ShowAsync(week, ct);
    }

    private async Task<bool> TryLoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Appointment = await mediator.Send(new GetAppointmentQuery(id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private async Task<PageResult> ShowAsync(string? week, CancellationToken ct)
    {
        if (CanChange)
        {
            var slots = await SlotWeek.LoadAsync(mediator, clock, Appointment.DoctorId, Appointment.TimeZone, week, ct);
            var route = new Dictionary<string, string> { ["id"] = Appointment.Id.ToString() };
            Picker = new SlotPicker(slots, "/Admin/Appointments/Reschedule", route);
        }

        return Page();
    }
}

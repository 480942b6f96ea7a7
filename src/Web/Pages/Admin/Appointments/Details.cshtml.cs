using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Features.GetAppointmentHistory;
using AppointmentSlices.Features.GetPatient;
using AppointmentSlices.Features.RecordOutcome;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Web.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Appointments;

/// <summary>One appointment for the staff: its details and history, and what they can do about it.</summary>
public sealed class DetailsModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public AppointmentDetails Appointment { get; private set; } = null!;

    public string? PatientName { get; private set; }

    public IReadOnlyList<AppointmentEvent> History { get; private set; } = [];

    public DateTimeOffset StartsAt => LocalTimes.In(Appointment.StartsAt, Appointment.TimeZone);

    public DateTimeOffset EndsAt => LocalTimes.In(Appointment.EndsAt, Appointment.TimeZone);

    /// <summary>The front desk acts on appointments; a doctor only reads their own.</summary>
    public bool MayChange => AppointmentAccess.MayChange(User);

    /// <summary>Before it starts, a scheduled appointment can be cancelled or moved.</summary>
    public bool CanChange => MayChange && IsScheduled && Appointment.StartsAt > clock.GetUtcNow();

    /// <summary>Once it has started, whether the patient came is what is left to record.</summary>
    public bool CanRecordOutcome => MayChange && IsScheduled && Appointment.StartsAt <= clock.GetUtcNow();

    [BindProperty]
    public string? CancellationReason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    private bool IsScheduled => Appointment.Status == AppointmentStatus.Scheduled;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        var reason = TextRules.BlankToNull(CancellationReason);
        return await ChangeAsync(
            id,
            new CancelAppointmentCommand(id, reason, User.AsActor()),
            "The appointment is cancelled and its slot is free again.",
            ct
        );
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, string? outcome, CancellationToken ct)
    {
        var notice =
            outcome == AppointmentStatus.NoShow
                ? "Recorded that the patient did not come."
                : "Recorded that the appointment took place.";
        return await ChangeAsync(id, new RecordOutcomeCommand(id, outcome ?? "", User.AsActor()), notice, ct);
    }

    private async Task<IActionResult> ChangeAsync(
        Guid id,
        ICommand<AppointmentDetails> command,
        string notice,
        CancellationToken ct
    )
    {
        if (!MayChange)
        {
            return Forbid();
        }

        try
        {
            await mediator.Send(command, ct);
            Notice = notice;
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                var field = error.PropertyName == "Reason" ? nameof(CancellationReason) : "";
                ModelState.AddModelError(field, error.ErrorMessage);
            }
        }
        catch (ConflictException e)
        {
            Problem = e.Message;
        }

        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Loads the appointment, its history and patient; the answer instead when it cannot be shown.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Appointment = await mediator.Send(new GetAppointmentQuery(id), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (!AppointmentAccess.MayRead(User, Appointment.DoctorId))
        {
            return Forbid();
        }

        History = await mediator.Send(new GetAppointmentHistoryQuery(id), ct);
        try
        {
            PatientName = (await mediator.Send(new GetPatientQuery(Appointment.PatientId, Limit: 1), ct))
                .Patient
                .FullName;
        }
        catch (NotFoundException)
        {
            PatientName = null;
        }

        return null;
    }
}

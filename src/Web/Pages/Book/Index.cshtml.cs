using AppointmentSlices.Features.AvailableSlots;
using AppointmentSlices.Features.BookAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.FindAppointmentByToken;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Web.Localization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AppointmentSlices.Web.Pages.Book;

/// <summary>Books the slot a patient picked: shows it, asks who they are and why they come, then books it.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<PatientText> text) : PageModel
{
    // The command's field paths that the patient can correct on this form; any other error goes to the summary.
    private static readonly Dictionary<string, string> FormFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Patient.FullName"] = nameof(FullName),
        ["Patient.Email"] = nameof(Email),
        ["Patient.Phone"] = nameof(Phone),
        ["Reason"] = nameof(Reason),
    };

    [BindProperty(SupportsGet = true)]
    public string? DoctorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? StartsAt { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>
    /// The secret of the manage link this booking will have, made when the form is shown. The same form sent
    /// twice (a double click without script, a resend after going back) then finds the booking its first send
    /// made and shows that confirmation, rather than telling the patient that someone else took their slot.
    /// </summary>
    [BindProperty]
    public string? LinkKey { get; set; }

    public bool LinkIsBroken { get; private set; }

    public DoctorDetails Doctor { get; private set; } = null!;

    /// <summary>The chosen start on the doctor's wall clock.</summary>
    public DateTimeOffset Slot { get; private set; }

    /// <summary>The chosen slot's local date: its day for the slot check, its week for the way back.</summary>
    public string SlotDay => LocalTimes.IsoDate(DateOnly.FromDateTime(Slot.DateTime));

    public bool SlotIsTaken { get; private set; }

    public string? Conflict { get; private set; }

    /// <summary>The doctor or the time was refused, which the patient can only change by picking again.</summary>
    public bool SlotWasRefused => ModelState.TryGetValue("", out var entry) && entry.Errors.Count > 0;

    /// <summary>"true" for a field with an error, so screen readers announce it as invalid; else none.</summary>
    public string? Invalid(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    public bool HasFieldErrors => ModelState.Any(entry => entry.Key != "" && entry.Value?.Errors.Count > 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TryReadSlot(out var doctorId, out var startsAt))
        {
            return BrokenLink();
        }

        if (!await TryLoadAsync(doctorId, startsAt, ct))
        {
            return NotFound();
        }

        var free = await mediator.Send(new AvailableSlotsQuery(doctorId, Date: SlotDay), ct);
        SlotIsTaken = !free.Slots.Any(s => s.StartsAt == startsAt);
        LinkKey = ManageToken.Create();
        // The form carries the secret of the link to be: no copy of it stays in a cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!TryReadSlot(out var doctorId, out var startsAt))
        {
            return BrokenLink();
        }

        var patient = new NewPatient(FullName ?? "", Email ?? "", Phone ?? "");
        if (!ManageToken.IsWellFormed(LinkKey))
        {
            LinkKey = ManageToken.Create();
        }

        Response.Headers.CacheControl = "no-store";
        try
        {
            var command = new BookAppointmentCommand(
                doctorId,
                startsAt,
                Reason ?? "",
                null,
                patient,
                Actor.Patient,
                LinkKey
            );
            var booked = await mediator.Send(command, ct);
            ConfirmationModel.KeepManageLinkFor(TempData, booked.Id, booked.ManageToken);
            return RedirectToPage("/Book/Confirmation", new { id = booked.Id });
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                var field = FormFields.GetValueOrDefault(error.PropertyName, "");
                ModelState.AddModelError(field, PatientErrors.Describe(error, text));
            }
        }
        catch (ConflictException e)
        {
            if (await FindThisFormsBookingAsync(doctorId, startsAt, ct) is { } booked)
            {
                ConfirmationModel.KeepManageLinkFor(TempData, booked, LinkKey!);
                return RedirectToPage("/Book/Confirmation", new { id = booked });
            }

            Conflict = PatientErrors.Describe(e.Message, text);
        }

        return await TryLoadAsync(doctorId, startsAt, ct) ? Page() : NotFound();
    }

    /// <summary>The booking an earlier send of this very form made of this slot, if it holds it still.</summary>
    private async Task<Guid?> FindThisFormsBookingAsync(Guid doctorId, DateTimeOffset startsAt, CancellationToken ct)
    {
        try
        {
            var booked = await mediator.Send(new FindAppointmentByTokenQuery(LinkKey!), ct);
            return
                booked.DoctorId == doctorId
                && booked.StartsAt == startsAt
                && booked.Status == AppointmentStatus.Scheduled
                ? booked.Id
                : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private bool TryReadSlot(out Guid doctorId, out DateTimeOffset startsAt)
    {
        startsAt = default;
        // An unencoded "+" in the query string arrives as a space: "2026-03-30T09:00:00 02:00".
        var startsAtText = (StartsAt ?? "").Trim().Replace(' ', '+');
        return Guid.TryParse(DoctorId, out doctorId)
            && Instants.TryParseWithOffset(startsAtText, out startsAt)
            && startsAt.Year is > 1 and < 9999; // the first and last years overflow when moved to another zone
    }

    private async Task<bool> TryLoadAsync(Guid doctorId, DateTimeOffset startsAt, CancellationToken ct)
    {
        try
        {
            Doctor = await mediator.Send(new GetDoctorQuery(doctorId), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Slot = LocalTimes.In(startsAt, Doctor.TimeZone);
        return Doctor.IsActive;
    }

    private PageResult BrokenLink()
    {
        LinkIsBroken = true;
        var result = Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}

using System.Globalization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.DeactivateDoctor;
using AppointmentSlices.Features.DeleteDoctor;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.ListSpecialties;
using AppointmentSlices.Features.ReactivateDoctor;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Features.UpdateDoctor;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AppointmentSlices.Web.Pages.Admin.Doctors;

/// <summary>
/// A doctor's details, and whether they take bookings. A change that would leave booked appointments off the
/// schedule lists them first and is applied only when staff press "Apply anyway".
/// </summary>
public sealed class EditModel(IMediator mediator) : PageModel, IDoctorForm
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        nameof(FullName),
        nameof(Specialty),
        nameof(TimeZone),
        nameof(SlotMinutes),
    };

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Specialty { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public string? SlotMinutes { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public DoctorDetails Doctor { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Zones => DoctorPages.ZoneOptions(TimeZone);

    public IReadOnlyList<string> Specialties { get; private set; } = [];

    /// <summary>Appointments the details change affects (or has affected, once applied).</summary>
    public AffectedList? DetailsAffected { get; private set; }

    /// <summary>Appointments deactivating affects (or has affected, once applied).</summary>
    public AffectedList? DeactivationAffected { get; private set; }

    public string? DeleteProblem { get; private set; }

    /// <summary>Staff asked to delete; the page asks once more before it does.</summary>
    public bool DeleteAsked { get; private set; }

    public bool HasFieldErrors => DoctorPages.HasFieldErrors(ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await TryLoadAsync(id, ct))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var command = new UpdateDoctorCommand(
            id,
            FullName ?? "",
            Specialty ?? "",
            TimeZone ?? "",
            DoctorPages.Minutes(SlotMinutes),
            Confirm
        );
        try
        {
            var updated = await mediator.Send(command, ct);
            if (updated.AffectedAppointments.Count == 0)
            {
                return Saved(id, "The doctor's details are saved.");
            }

            DetailsAffected = new AffectedList(updated.AffectedAppointments, Applied: true);
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
            DetailsAffected = new AffectedList(AffectedAppointments.ListedIn(e), Applied: false);
        }

        return await TryLoadAsync(id, ct, keepEntries: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var deactivated = await mediator.Send(new DeactivateDoctorCommand(id, Confirm), ct);
            if (deactivated.AffectedAppointments.Count == 0)
            {
                return Saved(id, "The doctor no longer takes bookings.");
            }

            DeactivationAffected = new AffectedList(deactivated.AffectedAppointments, Applied: true);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException e) when (DoctorPages.AffectsAppointments(e))
        {
            DeactivationAffected = new AffectedList(AffectedAppointments.ListedIn(e), Applied: false);
        }

        return await TryLoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new ReactivateDoctorCommand(id), ct);
            return Saved(id, "The doctor takes bookings again.");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        DeleteAsked = !Confirm;
        if (Confirm)
        {
            try
            {
                await mediator.Send(new DeleteDoctorCommand(id), ct);
                TempData[DoctorPages.StatusKey] = "The doctor has been deleted.";
                return Redirect("/admin/doctors");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (ConflictException e)
            {
                DeleteProblem = e.Message;
            }
        }

        return await TryLoadAsync(id, ct) ? Page() : NotFound();
    }

    private RedirectResult Saved(Guid id, string message)
    {
        TempData[DoctorPages.StatusKey] = message;
        return Redirect($"/admin/doctors/{id}");
    }

    /// <summary>Reads the doctor; the form shows the stored details unless it shows what staff entered.</summary>
    private async Task<bool> TryLoadAsync(Guid id, CancellationToken ct, bool keepEntries = false)
    {
        try
        {
            Doctor = await mediator.Send(new GetDoctorQuery(id), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (!keepEntries)
        {
            FullName = Doctor.FullName;
            Specialty = Doctor.Specialty;
            TimeZone = Doctor.TimeZone;
            SlotMinutes = Doctor.SlotMinutes.ToString(CultureInfo.InvariantCulture);
        }

        Specialties = await mediator.Send(new ListSpecialtiesQuery(), ct);
        return true;
    }
}

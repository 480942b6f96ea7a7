using AppointmentSlices.Features.CreateDoctor;
using AppointmentSlices.Features.ListSpecialties;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AppointmentSlices.Web.Pages.Admin.Doctors;

/// <summary>Adds a doctor, then opens their working hours, which a new doctor needs before anyone can book.</summary>
public sealed class NewModel(IMediator mediator) : PageModel, IDoctorForm
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
    public string? TimeZone { get; set; } = "Europe/Madrid";

    [BindProperty]
    public string? SlotMinutes { get; set; } = "30";

    public IReadOnlyList<SelectListItem> Zones => DoctorPages.ZoneOptions(TimeZone);

    public IReadOnlyList<string> Specialties { get; private set; } = [];

    public bool HasFieldErrors => DoctorPages.HasFieldErrors(ModelState);

    public async Task OnGetAsync(CancellationToken ct) =>
        Specialties = await mediator.Send(new ListSpecialtiesQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var command = new CreateDoctorCommand(
                FullName ?? "",
                Specialty ?? "",
                TimeZone ?? "",
                DoctorPages.Minutes(SlotMinutes)
            );
            var doctor = await mediator.Send(command, ct);
            TempData[DoctorPages.StatusKey] =
                "The doctor has been added. Set their working hours so patients can book.";
            return Redirect($"/admin/doctors/{doctor.Id}/hours");
        }
        catch (ValidationException e)
        {
            DoctorPages.AddErrors(ModelState, e, property => Fields.Contains(property) ? property : null);
        }

        Specialties = await mediator.Send(new ListSpecialtiesQuery(), ct);
        return Page();
    }
}

using AppointmentSlices.Features.ListDoctors;
using AppointmentSlices.Features.ListSpecialties;
using AppointmentSlices.Web.Localization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace AppointmentSlices.Web.Pages;

/// <summary>Find a doctor by specialty and name, twenty at a time.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<PatientText> text) : PageModel
{
    private const int PageSize = 20;

    public string? Specialty { get; private set; }

    public string? Name { get; private set; }

    public IReadOnlyList<SelectListItem> Specialties { get; private set; } = [];

    public IReadOnlyList<DoctorListItem> Doctors { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(string? specialty, string? name, string? cursor, CancellationToken ct)
    {
        Specialty = specialty;
        Name = name;
        var specialties = await mediator.Send(new ListSpecialtiesQuery(), ct);
        Specialties = specialties.Select(s => new SelectListItem(s, s, s == specialty)).ToList();

        try
        {
            var page = await mediator.Send(new ListDoctorsQuery(specialty, name, PageSize, cursor), ct);
            Doctors = page.Items;
            NextCursor = page.NextCursor;
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => PatientErrors.Describe(error, text)).Distinct().ToList();
        }
    }
}

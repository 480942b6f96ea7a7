using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ListDoctors;
using AppointmentSlices.Features.ListSpecialties;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Doctors;

/// <summary>Every doctor, taking bookings or not, by name; search by part of the name or by specialty.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    private const int PageSize = 50;

    public string? Name { get; private set; }

    public string? Specialty { get; private set; }

    public string? Cursor { get; private set; }

    public IReadOnlyList<DoctorListItem> Doctors { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IReadOnlyList<string> Specialties { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool IsSearch => Name is not null || Specialty is not null;

    public async Task OnGetAsync(string? name, string? specialty, string? cursor, CancellationToken ct)
    {
        Name = TextRules.BlankToNull(name);
        Specialty = TextRules.BlankToNull(specialty);
        Cursor = TextRules.BlankToNull(cursor);
        Specialties = await mediator.Send(new ListSpecialtiesQuery(), ct);
        try
        {
            var query = new ListDoctorsQuery(Specialty, Name, PageSize, Cursor, IncludeInactive: true);
            var page = await mediator.Send(query, ct);
            Doctors = page.Items;
            NextCursor = page.NextCursor;
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
        }
    }
}

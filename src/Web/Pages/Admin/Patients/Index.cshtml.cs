using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ListPatients;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Patients;

/// <summary>Finds patients by part of their name, email or phone, a page at a time.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public Page<PatientListItem> Results { get; private set; } = new([], null);

    public string? SearchError { get; private set; }

    public string? CursorError { get; private set; }

    public bool IsSearch => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Results = await mediator.Send(new ListPatientsQuery(Q, null, Cursor), ct);
        }
        catch (ValidationException e)
        {
            SearchError = e.Errors.FirstOrDefault(f => f.PropertyName == nameof(ListPatientsQuery.Q))?.ErrorMessage;
            CursorError = e.Errors.FirstOrDefault(f => f.PropertyName != nameof(ListPatientsQuery.Q))?.ErrorMessage;
        }
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ListAppointments;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AppointmentSlices.Web.Pages.Admin.Appointments;

/// <summary>Search appointments by doctor, patient, dates and status, a page at a time.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    private const int PageSize = 50;

    // The query's field paths that a filter on this form sets; any other error goes to the summary.
    private static readonly Dictionary<string, string> FormFields = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(ListAppointmentsQuery.DoctorId)] = nameof(DoctorId),
        [nameof(ListAppointmentsQuery.PatientId)] = nameof(PatientId),
        [nameof(ListAppointmentsQuery.From)] = nameof(From),
        [nameof(ListAppointmentsQuery.To)] = nameof(To),
        [nameof(ListAppointmentsQuery.Status)] = nameof(Status),
    };

    [BindProperty(SupportsGet = true)]
    public Guid? DoctorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PatientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public IReadOnlyList<SelectListItem> Doctors { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Statuses { get; private set; } = [];

    public IReadOnlyList<AppointmentListItem> Appointments { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Doctors = await BackOffice.DoctorOptionsAsync(mediator, DoctorId, ct);
        Statuses = AppointmentStatus
            .All.Select(s => new SelectListItem(BackOffice.StatusLabel(s), s, s == Status))
            .ToList();
        if (!ModelState.IsValid)
        {
            return; // a filter could not be read, and searching without it would mislead
        }

        Guid? patientId = null;
        if (TextRules.BlankToNull(PatientId) is { } patientText)
        {
            if (!Guid.TryParse(patientText, out var parsed))
            {
                ModelState.AddModelError(nameof(PatientId), "Enter a patient id as shown on the patient's page.");
                return;
            }

            patientId = parsed;
        }

        var query = new ListAppointmentsQuery(
            DoctorId,
            patientId,
            Bound(From, day => day),
            Bound(To, day => day.AddDays(1)),
            TextRules.BlankToNull(Status),
            PageSize,
            TextRules.BlankToNull(Cursor)
        );
        try
        {
            var page = await mediator.Send(query, ct);
            Appointments = page.Items;
            NextCursor = page.NextCursor;
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FormFields.GetValueOrDefault(error.PropertyName, ""), error.ErrorMessage);
            }
        }
    }

    /// <summary>
    /// A date filter as an instant: the start of that day on the clinic's clock (for "to", of the day after, so the
    /// day is included). Anything else goes to the query as typed, whose validator says what is wrong with it.
    /// </summary>
    private static string? Bound(string? text, Func<DateOnly, DateOnly> day) =>
        BackOffice.TryReadDate(text, out var date)
            ? LocalTimes.Iso(BackOffice.StartOfDay(day(date)))
            : TextRules.BlankToNull(text);

    /// <summary>The filters as they stand, with the cursor of the next page.</summary>
    public Dictionary<string, string> NextPageRoute() =>
        new Dictionary<string, string?>
        {
            ["doctorId"] = DoctorId?.ToString(),
            ["patientId"] = TextRules.BlankToNull(PatientId),
            ["from"] = TextRules.BlankToNull(From),
            ["to"] = TextRules.BlankToNull(To),
            ["status"] = TextRules.BlankToNull(Status),
            ["cursor"] = NextCursor,
        }
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value!);
}

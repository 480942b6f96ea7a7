using AppointmentSlices.Features.ListAppointments;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Web.Pages.Admin.Appointments;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AppointmentSlices.Web.Pages.Admin;

/// <summary>
/// The day's agenda: every appointment of one day, per doctor in time order, for all doctors or one; a doctor's own.
/// </summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public DateOnly Day { get; private set; }

    public Guid? DoctorId { get; private set; }

    public bool DateWasUnreadable { get; private set; }

    public IReadOnlyList<SelectListItem> Doctors { get; private set; } = [];

    public IReadOnlyList<DoctorAgenda> Agendas { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The front desk picks a doctor or sees all; a doctor sees only their own agenda.</summary>
    public bool MayChooseDoctor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? date, Guid? doctorId, CancellationToken ct)
    {
        // A doctor's own doctor replaces whichever one the query names.
        var own = AppointmentAccess.OwnDoctorId(User);
        if (!AppointmentAccess.TryScopeList(User, own ?? doctorId, out doctorId))
        {
            return Forbid();
        }

        var today = LocalTimes.Today(clock, BackOffice.ClinicTimeZone);
        DateWasUnreadable = !string.IsNullOrWhiteSpace(date) && !BackOffice.TryReadDate(date, out _);
        Day = BackOffice.TryReadDate(date, out var day) ? day : today;
        DoctorId = doctorId;
        MayChooseDoctor = own is null;
        Doctors = MayChooseDoctor ? await BackOffice.DoctorOptionsAsync(mediator, doctorId, ct) : [];

        // Each doctor's day runs midnight to midnight on their own clock, the one their times are shown in. The
        // query asks for every instant that is this date somewhere (UTC+14 to UTC-12); each doctor keeps theirs.
        var from = LocalTimes.Iso(new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(14)));
        var to = LocalTimes.Iso(
            new DateTimeOffset(Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-12))
        );
        try
        {
            var items = await BackOffice.AllAsync(
                mediator,
                new ListAppointmentsQuery(doctorId, From: from, To: to),
                ct
            );
            Agendas = items
                .Where(a => DateOnly.FromDateTime(LocalTimes.In(a.StartsAt, a.TimeZone).DateTime) == Day)
                .GroupBy(a => a.DoctorId)
                .Select(g => new DoctorAgenda(
                    g.Key,
                    g.First().DoctorName,
                    g.First().TimeZone,
                    g.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToList()
                ))
                .OrderBy(a => a.DoctorName, StringComparer.CurrentCulture)
                .ToList();
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
        }

        return Page();
    }
}

/// <summary>One doctor's appointments of the day, in time order.</summary>
public sealed record DoctorAgenda(
    Guid DoctorId,
    string DoctorName,
    string TimeZone,
    IReadOnlyList<AppointmentListItem> Appointments
);

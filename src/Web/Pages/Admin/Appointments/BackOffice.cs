using System.Globalization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ListAppointments;
using AppointmentSlices.Features.ListDoctors;
using Mediator;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AppointmentSlices.Web.Pages.Admin.Appointments;

/// <summary>What the back office's appointment pages share: the clinic's day, status words, doctors.</summary>
public static class BackOffice
{
    /// <summary>The clinic's own zone: it decides what "today" is; each time shows in its doctor's zone.</summary>
    public const string ClinicTimeZone = "Europe/Madrid";

    // A select of more doctors than this is no longer usable; a clinic that large offers the first thousand by name.
    private const int MostDoctors = 1000;

    /// <summary>The first instant of a day on the clinic's clock: midnight, or the first valid minute.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ClinicTimeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static bool TryReadDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
        && day.Year is >= 1900 and <= 2999;

    public static string StatusLabel(string status) =>
        status switch
        {
            AppointmentStatus.NoShow => "No-show",
            _ => status,
        };

    /// <summary>Every doctor taking bookings, by name, as select options, following the list's pages.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> DoctorOptionsAsync(
        IMediator mediator,
        Guid? selected,
        CancellationToken ct
    )
    {
        var doctors = new List<DoctorListItem>();
        string? cursor = null;
        do
        {
            var page = await mediator.Send(new ListDoctorsQuery(Limit: 100, Cursor: cursor), ct);
            doctors.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null && doctors.Count < MostDoctors);

        return doctors
            .Select(d => new SelectListItem($"{d.FullName} · {d.Specialty}", d.Id.ToString(), d.Id == selected))
            .ToList();
    }

    /// <summary>All appointments a query matches, following the cursor a hundred at a time.</summary>
    public static async Task<IReadOnlyList<AppointmentListItem>> AllAsync(
        IMediator mediator,
        ListAppointmentsQuery query,
        CancellationToken ct
    )
    {
        var items = new List<AppointmentListItem>();
        var next = query with { Limit = 100, Cursor = null };
        while (true)
        {
            var page = await mediator.Send(next, ct);
            items.AddRange(page.Items);
            if (page.NextCursor is null)
            {
                return items;
            }

            next = next with { Cursor = page.NextCursor };
        }
    }
}

using AppointmentSlices.Features.AppointmentCalendar;
using AppointmentSlices.Features.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Features.DoctorCalendarFeed;

/// <summary>
/// A doctor's appointments as a subscribable iCalendar feed: Scheduled and Completed ones from 30 days ago to the
/// booking horizon. Meant for the clinic's staff, so events name the patient; the reason for the visit stays out.
/// </summary>
public sealed record DoctorCalendarFeedQuery(Guid DoctorId) : IQuery<CalendarFile>;

internal sealed class DoctorCalendarFeedHandler(
    IDoctorCalendarFeedStore store,
    TimeProvider clock,
    IOptions<BookingOptions> options
) : IQueryHandler<DoctorCalendarFeedQuery, CalendarFile>
{
    public const int DaysBack = 30;

    public async ValueTask<CalendarFile> Handle(DoctorCalendarFeedQuery query, CancellationToken ct)
    {
        var doctor = await store.FindDoctorAsync(query.DoctorId, ct)
            ?? throw new NotFoundException("doctor", query.DoctorId);

        var now = clock.GetUtcNow();
        var from = now.AddDays(-DaysBack);
        var appointments = await store.ListAsync(doctor.Id, from, now.AddDays(options.Value.HorizonDays), ct);
        var entries = appointments
            .Select(a => new CalendarEntry(
                a.Id,
                a.StartsAt,
                a.EndsAt,
                a.Status,
                a.Sequence,
                a.CreatedAt,
                a.UpdatedAt,
                $"Appointment with {a.PatientName}",
                $"Patient: {a.PatientName}\nStatus: {a.Status}\nReference: {a.Id}"
            ))
            .ToList();

        var text = CalendarText.Write(doctor.TimeZone, entries, now, from, $"{doctor.FullName} · appointments");
        return new CalendarFile($"doctor-{doctor.Id}.ics", text);
    }
}

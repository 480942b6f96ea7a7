using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.GetAppointmentHistory;

internal sealed class MongoGetAppointmentHistoryStore(MongoClinic clinic) : IGetAppointmentHistoryStore, IMongoStore
{
    public async Task<IReadOnlyList<AppointmentEvent>?> FindAsync(Guid appointmentId, CancellationToken ct)
    {
        var appointment = await clinic.Appointments.Find(a => a.Id == appointmentId).FirstOrDefaultAsync(ct);
        var doctor = appointment is null
            ? null
            : await clinic.Doctors.Find(d => d.Id == appointment.DoctorId).FirstOrDefaultAsync(ct);
        if (doctor is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(doctor.TimeZone);
        DateTimeOffset Local(DateTime instant) => TimeZoneInfo.ConvertTime(new DateTimeOffset(instant), zone);
        var events = await clinic
            .AppointmentEvents.Find(e => e.AppointmentId == appointmentId)
            .SortBy(e => e.OccurredAt)
            .ThenBy(e => e.Id)
            .ToListAsync(ct);
        return events
            .Select(e => new AppointmentEvent(
                Local(e.OccurredAt),
                e.Kind,
                e.Status,
                e.Actor,
                Local(e.StartsAt),
                Local(e.EndsAt),
                e.Note
            ))
            .ToList();
    }
}

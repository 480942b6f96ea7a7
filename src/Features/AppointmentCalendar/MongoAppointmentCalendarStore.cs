using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.AppointmentCalendar;

internal sealed class MongoAppointmentCalendarStore(MongoClinic clinic) : IAppointmentCalendarStore, IMongoStore
{
    public async Task<CalendarAppointment?> FindAsync(Guid appointmentId, CancellationToken ct)
    {
        var appointment = await clinic.Appointments.Find(a => a.Id == appointmentId).FirstOrDefaultAsync(ct);
        var doctor = appointment is null
            ? null
            : await clinic.Doctors.Find(d => d.Id == appointment.DoctorId).FirstOrDefaultAsync(ct);
        if (appointment is null || doctor is null)
        {
            return null;
        }

        var sequences = await MongoAppointmentSequences.CountAsync(clinic, [appointmentId], ct);
        return new CalendarAppointment(
            appointment.Id,
            doctor.FullName,
            doctor.Specialty,
            doctor.TimeZone,
            new DateTimeOffset(appointment.StartsAt),
            new DateTimeOffset(appointment.EndsAt),
            appointment.Status,
            sequences.GetValueOrDefault(appointmentId),
            new DateTimeOffset(appointment.CreatedAt),
            new DateTimeOffset(appointment.UpdatedAt)
        );
    }
}

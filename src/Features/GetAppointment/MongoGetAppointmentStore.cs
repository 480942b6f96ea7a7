using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.GetAppointment;

internal sealed class MongoGetAppointmentStore(MongoClinic clinic) : IGetAppointmentStore, IMongoStore
{
    public async Task<AppointmentDetails?> FindAsync(Guid appointmentId, CancellationToken ct)
    {
        var appointment = await clinic.Appointments.Find(a => a.Id == appointmentId).FirstOrDefaultAsync(ct);
        if (appointment is null)
        {
            return null;
        }

        var doctor = await clinic.Doctors.Find(d => d.Id == appointment.DoctorId).FirstOrDefaultAsync(ct);
        if (doctor is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(doctor.TimeZone);
        return new AppointmentDetails(
            appointment.Id,
            appointment.DoctorId,
            doctor.FullName,
            doctor.Specialty,
            appointment.PatientId,
            TimeZoneInfo.ConvertTime(new DateTimeOffset(appointment.StartsAt), zone),
            TimeZoneInfo.ConvertTime(new DateTimeOffset(appointment.EndsAt), zone),
            doctor.TimeZone,
            appointment.Status,
            appointment.Reason,
            appointment.CancellationReason
        );
    }
}

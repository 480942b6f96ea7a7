using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.DeleteDoctor;

/// <summary>
/// Touches the doctor first, as a booking does, so a booking and the delete never commit interleaved: the delete
/// either sees the appointment and refuses, or commits first and the booking finds no doctor.
/// </summary>
internal sealed class MongoDeleteDoctorStore(MongoClinic clinic) : IDeleteDoctorStore, IMongoStore
{
    public Task<DeleteOutcome> DeleteAsync(Guid doctorId, CancellationToken ct) =>
        clinic.InTransactionAsync(
            async (session, token) =>
            {
                if (await MongoDoctors.TouchAsync(clinic, session, doctorId, token) is null)
                {
                    return DeleteOutcome.NotFound;
                }

                if (await clinic.Appointments.Find(session, a => a.DoctorId == doctorId).AnyAsync(token))
                {
                    return DeleteOutcome.HasAppointments;
                }

                await clinic.Doctors.DeleteOneAsync(session, d => d.Id == doctorId, cancellationToken: token);
                return DeleteOutcome.Deleted;
            },
            ct
        );
}

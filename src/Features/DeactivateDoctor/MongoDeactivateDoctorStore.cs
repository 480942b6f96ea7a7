using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.DeactivateDoctor;

internal sealed class MongoDeactivateDoctorStore : IDeactivateDoctorStore, IMongoStore
{
    public Task DeactivateAsync(LockedDoctor locked, Guid doctorId, CancellationToken ct)
    {
        var mongo = (MongoLockedDoctor)locked;
        return mongo.Clinic.Doctors.UpdateOneAsync(
            mongo.Session,
            d => d.Id == doctorId,
            Builders<DoctorDocument>.Update.Set(d => d.IsActive, false),
            cancellationToken: ct
        );
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.SetWorkingHours;

internal sealed class MongoSetWorkingHoursStore : ISetWorkingHoursStore, IMongoStore
{
    public Task ReplaceAsync(
        LockedDoctor locked,
        Guid doctorId,
        IReadOnlyList<WorkingHoursItem> week,
        CancellationToken ct
    )
    {
        var mongo = (MongoLockedDoctor)locked;
        return mongo.Clinic.Doctors.UpdateOneAsync(
            mongo.Session,
            d => d.Id == doctorId,
            Builders<DoctorDocument>.Update.Set(d => d.WorkingHours, MongoWorkingHours.ToDocuments(week)),
            cancellationToken: ct
        );
    }
}

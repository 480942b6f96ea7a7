using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.UpdateDoctor;

internal sealed class MongoUpdateDoctorStore : IUpdateDoctorStore, IMongoStore
{
    public Task UpdateAsync(LockedDoctor locked, UpdatedDoctor doctor, CancellationToken ct)
    {
        var mongo = (MongoLockedDoctor)locked;
        var update = Builders<DoctorDocument>
            .Update.Set(d => d.FullName, doctor.FullName)
            .Set(d => d.Specialty, doctor.Specialty)
            .Set(d => d.TimeZone, doctor.TimeZone)
            .Set(d => d.SlotMinutes, doctor.SlotMinutes)
            .Set(d => d.SearchName, SearchText.Key(doctor.FullName))
            .Set(d => d.SearchSpecialty, SearchText.Key(doctor.Specialty));
        return mongo.Clinic.Doctors.UpdateOneAsync(
            mongo.Session,
            d => d.Id == doctor.Id,
            update,
            cancellationToken: ct
        );
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ReactivateDoctor;

internal sealed class MongoReactivateDoctorStore(MongoClinic clinic) : IReactivateDoctorStore, IMongoStore
{
    public async Task<bool> ReactivateAsync(Guid doctorId, CancellationToken ct)
    {
        var result = await clinic.Doctors.UpdateOneAsync(
            d => d.Id == doctorId,
            Builders<DoctorDocument>.Update.Set(d => d.IsActive, true),
            cancellationToken: ct
        );
        return result.MatchedCount == 1;
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.SignOutStaff;

internal sealed class MongoSignOutStaffStore(MongoClinic clinic) : ISignOutStaffStore, IMongoStore
{
    public Task EndSessionsAsync(Guid staffUserId, CancellationToken ct) =>
        clinic.StaffUsers.UpdateOneAsync(
            s => s.Id == staffUserId,
            Builders<StaffUserDocument>.Update.Inc(s => s.SessionGeneration, 1),
            cancellationToken: ct
        );
}

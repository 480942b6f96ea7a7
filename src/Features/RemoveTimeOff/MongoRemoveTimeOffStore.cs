using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.RemoveTimeOff;

/// <summary>
/// Rewrites the doctor's time off without the entry, in a transaction: a change to the list that commits in
/// between conflicts with this write, and the transaction runs again on the newer list.
/// </summary>
internal sealed class MongoRemoveTimeOffStore(MongoClinic clinic) : IRemoveTimeOffStore, IMongoStore
{
    public Task<bool> DeleteAsync(Guid doctorId, Guid timeOffId, CancellationToken ct) =>
        clinic.InTransactionAsync(
            async (session, token) =>
            {
                var doctor = await clinic.Doctors.Find(session, d => d.Id == doctorId).FirstOrDefaultAsync(token);
                if (doctor is null || doctor.TimeOff.All(t => t.Id != timeOffId))
                {
                    return false;
                }

                var kept = doctor.TimeOff.Where(t => t.Id != timeOffId).ToList();
                await clinic.Doctors.UpdateOneAsync(
                    session,
                    d => d.Id == doctorId,
                    Builders<DoctorDocument>.Update.Set(d => d.TimeOff, kept),
                    cancellationToken: token
                );
                return true;
            },
            ct
        );
}

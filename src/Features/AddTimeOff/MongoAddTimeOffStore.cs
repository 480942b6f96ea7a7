using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.AddTimeOff;

/// <remarks>
/// The lock has already written the doctor's document in this transaction, so no other change to it can commit
/// in between: reading the time off and setting the longer list loses nothing.
/// </remarks>
internal sealed class MongoAddTimeOffStore : IAddTimeOffStore, IMongoStore
{
    public async Task InsertAsync(
        LockedDoctor locked,
        AddedTimeOff timeOff,
        DateTime starts,
        DateTime ends,
        CancellationToken ct
    )
    {
        var mongo = (MongoLockedDoctor)locked;
        var doctor = await mongo.Clinic.Doctors.Find(mongo.Session, d => d.Id == timeOff.DoctorId).SingleAsync(ct);
        var item = new TimeOffDocument
        {
            Id = timeOff.Id,
            Starts = WallClockDates.ToStored(starts),
            Ends = WallClockDates.ToStored(ends),
            Reason = timeOff.Reason,
        };
        await mongo.Clinic.Doctors.UpdateOneAsync(
            mongo.Session,
            d => d.Id == timeOff.DoctorId,
            Builders<DoctorDocument>.Update.Set(d => d.TimeOff, [.. doctor.TimeOff, item]),
            cancellationToken: ct
        );
    }
}

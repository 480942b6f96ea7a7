using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.RecordOutcome;

/// <summary>An outcome keeps the appointment's slot claims: the time was used (or held) and stays taken.</summary>
internal sealed class MongoRecordOutcomeStore(MongoClinic clinic) : IRecordOutcomeStore, IMongoStore
{
    public Task<bool> RecordAsync(
        Guid appointmentId,
        string outcome,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var nowUtc = now.UtcDateTime;
        var filter = Builders<AppointmentDocument>.Filter;
        var guard = filter.And(
            filter.Eq(a => a.Id, appointmentId),
            filter.Eq(a => a.Status, AppointmentStatus.Scheduled),
            filter.Lte(a => a.StartsAt, nowUtc)
        );
        var update = Builders<AppointmentDocument>.Update.Set(a => a.Status, outcome).Set(a => a.UpdatedAt, nowUtc);
        return MongoStatusChange.ChangeAsync(clinic, guard, update, outcome, actor, null, now, ct);
    }
}

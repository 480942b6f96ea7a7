using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.CancelAppointment;

internal sealed class MongoCancelAppointmentStore(MongoClinic clinic) : ICancelAppointmentStore, IMongoStore
{
    public Task<bool> CancelAsync(
        Guid appointmentId,
        string? reason,
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
            filter.Gt(a => a.StartsAt, nowUtc)
        );
        var update = Builders<AppointmentDocument>
            .Update.Set(a => a.Status, AppointmentStatus.Cancelled)
            .Set(a => a.CancellationReason, reason)
            .Set(a => a.UpdatedAt, nowUtc);
        return MongoStatusChange.ChangeAsync(
            clinic,
            guard,
            update,
            AppointmentStatus.Cancelled,
            actor,
            reason,
            now,
            ct
        );
    }
}

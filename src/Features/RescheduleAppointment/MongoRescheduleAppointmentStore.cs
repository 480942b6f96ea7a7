using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.RescheduleAppointment;

internal sealed class MongoRescheduleAppointmentStore(MongoClinic clinic) : IRescheduleAppointmentStore, IMongoStore
{
    public Task<bool> MoveAsync(AppointmentMove move, Actor actor, DateTimeOffset now, CancellationToken ct) =>
        clinic.InTransactionAsync((session, token) => MoveAsync(session, move, actor, now, token), ct);

    // The claims change in the move's transaction: a taken slot throws, the transaction aborts, and the appointment
    // keeps its old time and claims.
    private async Task<bool> MoveAsync(
        IClientSessionHandle session,
        AppointmentMove move,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        await BookableStart.CheckStillBookableAsync(clinic, session, move.DoctorId, move.StartsAt, ct);
        var nowUtc = now.UtcDateTime;
        var filter = Builders<AppointmentDocument>.Filter;
        var guard = filter.And(
            filter.Eq(a => a.Id, move.AppointmentId),
            filter.Eq(a => a.Status, AppointmentStatus.Scheduled),
            filter.Gt(a => a.StartsAt, nowUtc)
        );
        var update = Builders<AppointmentDocument>
            .Update.Set(a => a.StartsAt, move.StartsAt.UtcDateTime)
            .Set(a => a.EndsAt, move.EndsAt.UtcDateTime)
            .Set(a => a.UpdatedAt, nowUtc);
        var moved = await clinic.Appointments.FindOneAndUpdateAsync(
            session,
            guard,
            update,
            new FindOneAndUpdateOptions<AppointmentDocument> { ReturnDocument = ReturnDocument.After },
            ct
        );
        if (moved is null)
        {
            return false;
        }

        await SlotClaims.ReleaseAsync(clinic, session, move.AppointmentId, ct);
        await SlotClaims.ClaimAsync(
            clinic,
            session,
            move.AppointmentId,
            moved.DoctorId,
            moved.PatientId,
            move.StartsAt,
            move.EndsAt,
            ct
        );
        var change = new AppointmentChange(
            move.AppointmentId,
            AppointmentHistory.Rescheduled,
            AppointmentStatus.Scheduled,
            actor,
            move.StartsAt,
            move.EndsAt,
            null,
            now
        );
        await MongoAppointmentHistory.RecordAsync(clinic, session, change, ct);
        return true;
    }
}

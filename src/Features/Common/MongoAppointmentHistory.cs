using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.Common;

/// <summary>The MongoDB side of <see cref="AppointmentHistory"/> and <see cref="AuditLog"/>.</summary>
internal static class MongoAppointmentHistory
{
    /// <summary>
    /// Records the change in the appointment's history and in the audit log, in the caller's transaction. The
    /// event's sequence number is unique per appointment, so two changes racing on one appointment can't both
    /// commit; its time is never before the event it follows.
    /// </summary>
    public static async Task RecordAsync(
        MongoClinic clinic,
        IClientSessionHandle session,
        AppointmentChange change,
        CancellationToken ct
    )
    {
        var last = await clinic
            .AppointmentEvents.Find(session, e => e.AppointmentId == change.AppointmentId)
            .SortByDescending(e => e.Sequence)
            .Limit(1)
            .FirstOrDefaultAsync(ct);
        var occurredAt = change.OccurredAt.UtcDateTime;
        if (last is not null && last.OccurredAt >= occurredAt)
        {
            occurredAt = last.OccurredAt.AddMilliseconds(1); // BSON dates keep milliseconds
        }

        var document = new AppointmentEventDocument
        {
            Id = Guid.CreateVersion7(),
            AppointmentId = change.AppointmentId,
            Sequence = last is null ? 0 : last.Sequence + 1,
            OccurredAt = occurredAt,
            Kind = change.Kind,
            Status = change.Status,
            Actor = change.Actor.Value,
            StartsAt = change.StartsAt.UtcDateTime,
            EndsAt = change.EndsAt.UtcDateTime,
            Note = change.Note,
        };
        await clinic.AppointmentEvents.InsertOneAsync(session, document, cancellationToken: ct);
        var audit = new AuditEntry(
            AuditLog.Appointment,
            change.AppointmentId,
            change.Kind,
            change.Actor,
            AuditLog.AppointmentFieldsChangedBy(change.Kind, change.Note),
            change.OccurredAt
        );
        await MongoAuditLog.RecordAsync(clinic, session, audit, ct);
    }
}

internal static class MongoAuditLog
{
    public static Task RecordAsync(
        MongoClinic clinic,
        IClientSessionHandle session,
        AuditEntry entry,
        CancellationToken ct
    ) =>
        clinic.AuditLog.InsertOneAsync(
            session,
            new AuditEntryDocument
            {
                Id = Guid.CreateVersion7(),
                OccurredAt = entry.OccurredAt.UtcDateTime,
                Actor = entry.Actor.Value,
                Entity = entry.Entity,
                EntityId = entry.EntityId,
                Action = entry.Action,
                ChangedFields = [.. entry.ChangedFields],
            },
            cancellationToken: ct
        );
}

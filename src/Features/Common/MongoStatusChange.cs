using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.Common;

/// <summary>The MongoDB form of <see cref="AppointmentHistory.ChangeStatusAsync"/>.</summary>
internal static class MongoStatusChange
{
    /// <summary>
    /// Applies the update to the appointment if the guard still holds, frees its time when the new status is not
    /// an active one, and records the change, in one transaction. False when the guard refused. Writing the
    /// appointment's document makes a concurrent cancel, move or outcome conflict with this one and run again,
    /// after which its own guard sees this change.
    /// </summary>
    public static Task<bool> ChangeAsync(
        MongoClinic clinic,
        FilterDefinition<AppointmentDocument> guard,
        UpdateDefinition<AppointmentDocument> update,
        string newStatus,
        Actor actor,
        string? note,
        DateTimeOffset now,
        CancellationToken ct
    ) =>
        clinic.InTransactionAsync(
            async (session, token) =>
            {
                var changed = await clinic.Appointments.FindOneAndUpdateAsync(
                    session,
                    guard,
                    update,
                    new FindOneAndUpdateOptions<AppointmentDocument> { ReturnDocument = ReturnDocument.After },
                    token
                );
                if (changed is null)
                {
                    return false;
                }

                if (newStatus == AppointmentStatus.Cancelled)
                {
                    await SlotClaims.ReleaseAsync(clinic, session, changed.Id, token);
                }

                var change = new AppointmentChange(
                    changed.Id,
                    newStatus,
                    newStatus,
                    actor,
                    new DateTimeOffset(changed.StartsAt),
                    new DateTimeOffset(changed.EndsAt),
                    note,
                    now
                );
                await MongoAppointmentHistory.RecordAsync(clinic, session, change, token);
                return true;
            },
            ct
        );
}

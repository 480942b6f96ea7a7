using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>
/// How MongoDB keeps a doctor's and a patient's appointments from overlapping: an active appointment claims every
/// five-minute unit of time it covers, once for its doctor and once for its patient, as documents whose id is the
/// owner and the unit. The unique <c>_id</c> index refuses a second claim on a unit, so of two overlapping writes
/// only one commits, whatever their timing. Claims are written and released in the appointment's transaction.
/// </summary>
/// <remarks>
/// Every grid is on five-minute steps (slot lengths and working hours are multiples of five minutes, and every
/// zone's offset is a multiple of five), so adjacent appointments never share a unit. A time off the steps claims
/// the whole units it touches, which refuses some touching pairs but never lets an overlap through.
/// </remarks>
internal static class SlotClaims
{
    /// <summary>
    /// Claims the appointment's units for the patient, then for the doctor: a slot the patient holds themselves is
    /// their time taken, and only a slot held by another patient is the doctor's slot taken.
    /// </summary>
    /// <exception cref="ConflictException">Slot taken, or the patient busy then.</exception>
    public static async Task ClaimAsync(
        MongoClinic clinic,
        IClientSessionHandle session,
        Guid appointmentId,
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        CancellationToken ct
    )
    {
        await InsertAsync(
            clinic,
            session,
            Claims(SlotClaimIds.Patient, patientId, appointmentId, startsAt, endsAt),
            PatientBusy,
            ct
        );
        await InsertAsync(
            clinic,
            session,
            Claims(SlotClaimIds.Doctor, doctorId, appointmentId, startsAt, endsAt),
            SlotTaken,
            ct
        );
    }

    /// <summary>Frees the appointment's time, for a cancellation or before claiming its new time.</summary>
    public static Task ReleaseAsync(
        MongoClinic clinic,
        IClientSessionHandle session,
        Guid appointmentId,
        CancellationToken ct
    ) => clinic.SlotClaims.DeleteManyAsync(session, c => c.AppointmentId == appointmentId, cancellationToken: ct);

    private static List<SlotClaimDocument> Claims(
        string kind,
        Guid ownerId,
        Guid appointmentId,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt
    ) =>
        SlotClaimIds
            .Of(kind, ownerId, startsAt, endsAt)
            .Select(id => new SlotClaimDocument { Id = id, AppointmentId = appointmentId })
            .ToList();

    private static async Task InsertAsync(
        MongoClinic clinic,
        IClientSessionHandle session,
        List<SlotClaimDocument> claims,
        Func<ConflictException> conflict,
        CancellationToken ct
    )
    {
        try
        {
            await clinic.SlotClaims.InsertManyAsync(session, claims, cancellationToken: ct);
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            throw conflict();
        }
    }

    private static ConflictException SlotTaken() => AppointmentConflicts.SlotTaken();

    private static ConflictException PatientBusy() => AppointmentConflicts.PatientBusy();
}

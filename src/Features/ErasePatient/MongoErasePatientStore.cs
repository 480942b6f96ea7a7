using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ErasePatient;

/// <summary>
/// The erasure PostgreSQL makes, step by step in one transaction. Its write to the patient document makes two
/// erasures of one patient conflict, so only one of them cancels and records anything. A booking of the patient
/// committed at the same moment is not among those it sees (no row lock waits for it here), so that booking stays.
/// </summary>
internal sealed class MongoErasePatientStore(MongoClinic clinic) : IErasePatientStore, IMongoStore
{
    private static readonly string[] TextFields = ["reason", "cancellationReason", "manageToken"];

    public Task<PatientErasure?> EraseAsync(Guid patientId, DateTimeOffset now, Actor actor, CancellationToken ct) =>
        clinic.InTransactionAsync((session, token) => EraseAsync(session, patientId, now, actor, token), ct);

    private async Task<PatientErasure?> EraseAsync(
        IClientSessionHandle session,
        Guid patientId,
        DateTimeOffset now,
        Actor actor,
        CancellationToken ct
    )
    {
        var patient = await clinic.Patients.Find(session, p => p.Id == patientId).FirstOrDefaultAsync(ct);
        if (patient is null)
        {
            return null;
        }

        if (patient.ErasedAt is { } erasedAt)
        {
            return new PatientErasure(patientId, new DateTimeOffset(erasedAt), 0, WasErasedBefore: true);
        }

        var at = now.UtcDateTime;
        await AnonymiseAsync(session, patientId, at, ct);
        var appointments = await clinic.Appointments.Find(session, a => a.PatientId == patientId).ToListAsync(ct);
        var ids = appointments.Select(a => a.Id).ToList();
        await BlankTextAsync(session, patientId, ids, at, ct);

        var cancelled = appointments.Where(a => a.Status == AppointmentStatus.Scheduled && a.StartsAt > at).ToList();
        foreach (var appointment in cancelled)
        {
            await CancelAsync(session, appointment, actor, now, ct);
        }

        var erased = new AuditEntry(AuditLog.Patient, patientId, "Erased", actor, AuditLog.PatientFields, now);
        await MongoAuditLog.RecordAsync(clinic, session, erased, ct);
        foreach (var id in ids)
        {
            var blanked = new AuditEntry(AuditLog.Appointment, id, "TextErased", actor, TextFields, now);
            await MongoAuditLog.RecordAsync(clinic, session, blanked, ct);
        }

        return new PatientErasure(patientId, now, cancelled.Count, WasErasedBefore: false);
    }

    // "erased-{id}@invalid" keeps the email unique and frees the old one, as on PostgreSQL.
    private Task AnonymiseAsync(IClientSessionHandle session, Guid patientId, DateTime at, CancellationToken ct)
    {
        var email = $"erased-{patientId}@invalid";
        var update = Builders<PatientDocument>
            .Update.Set(p => p.FullName, PostgresErasePatientStore.ErasedName)
            .Set(p => p.SearchName, SearchText.Key(PostgresErasePatientStore.ErasedName))
            .Set(p => p.Email, email)
            .Set(p => p.EmailKey, email)
            .Set(p => p.Phone, "000")
            .Set(p => p.PhoneDigits, "000")
            .Set(p => p.ErasedAt, at)
            .Set(p => p.UpdatedAt, at);
        return clinic.Patients.UpdateOneAsync(session, p => p.Id == patientId, update, cancellationToken: ct);
    }

    private async Task BlankTextAsync(
        IClientSessionHandle session,
        Guid patientId,
        List<Guid> appointmentIds,
        DateTime at,
        CancellationToken ct
    )
    {
        var text = PostgresErasePatientStore.ErasedText;
        var appointments = Builders<AppointmentDocument>.Update;
        await clinic.Appointments.UpdateManyAsync(
            session,
            a => a.PatientId == patientId,
            appointments.Set(a => a.Reason, text).Unset(a => a.ManageTokenHash).Set(a => a.UpdatedAt, at),
            cancellationToken: ct
        );
        await clinic.Appointments.UpdateManyAsync(
            session,
            a => a.PatientId == patientId && a.CancellationReason != null,
            appointments.Set(a => a.CancellationReason, text),
            cancellationToken: ct
        );
        var notes = Builders<AppointmentEventDocument>.Filter;
        await clinic.AppointmentEvents.UpdateManyAsync(
            session,
            notes.In(e => e.AppointmentId, appointmentIds) & notes.Ne(e => e.Note, null),
            Builders<AppointmentEventDocument>.Update.Set(e => e.Note, text),
            cancellationToken: ct
        );
    }

    private async Task CancelAsync(
        IClientSessionHandle session,
        AppointmentDocument appointment,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var reason = PostgresErasePatientStore.CancellationReason;
        var update = Builders<AppointmentDocument>
            .Update.Set(a => a.Status, AppointmentStatus.Cancelled)
            .Set(a => a.CancellationReason, reason)
            .Set(a => a.UpdatedAt, now.UtcDateTime);
        await clinic.Appointments.UpdateOneAsync(session, a => a.Id == appointment.Id, update, cancellationToken: ct);
        await SlotClaims.ReleaseAsync(clinic, session, appointment.Id, ct);
        var change = new AppointmentChange(
            appointment.Id,
            AppointmentStatus.Cancelled,
            AppointmentStatus.Cancelled,
            actor,
            new DateTimeOffset(appointment.StartsAt),
            new DateTimeOffset(appointment.EndsAt),
            reason,
            now
        );
        await MongoAppointmentHistory.RecordAsync(clinic, session, change, ct);
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.UpdatePatient;

internal sealed class MongoUpdatePatientStore(MongoClinic clinic) : IUpdatePatientStore, IMongoStore
{
    public async Task<PatientDetails?> UpdateAsync(
        Guid patientId,
        PatientChanges changes,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        try
        {
            return await clinic.InTransactionAsync(
                (session, token) => UpdateAsync(session, patientId, changes, actor, now, token),
                ct
            );
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            throw PatientEmail.Taken();
        }
    }

    // Two changes of one patient write the same document, so one of them conflicts and runs again on the other's
    // result: the audit log names the fields each one really changed.
    private async Task<PatientDetails?> UpdateAsync(
        IClientSessionHandle session,
        Guid patientId,
        PatientChanges changes,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var before = await clinic
            .Patients.Find(session, p => p.Id == patientId && p.ErasedAt == null)
            .FirstOrDefaultAsync(ct);
        if (before is null)
        {
            return null;
        }

        var update = Builders<PatientDocument>
            .Update.Set(p => p.FullName, changes.FullName)
            .Set(p => p.SearchName, SearchText.Key(changes.FullName))
            .Set(p => p.Email, changes.Email)
            .Set(p => p.EmailKey, MongoPatients.EmailKey(changes.Email))
            .Set(p => p.Phone, changes.Phone)
            .Set(p => p.PhoneDigits, SearchText.Digits(changes.Phone))
            .Set(p => p.UpdatedAt, now.UtcDateTime);
        var after = await clinic.Patients.FindOneAndUpdateAsync(
            session,
            Builders<PatientDocument>.Filter.Where(p => p.Id == patientId && p.ErasedAt == null),
            update,
            new FindOneAndUpdateOptions<PatientDocument> { ReturnDocument = ReturnDocument.After },
            ct
        );
        if (after is null)
        {
            return null;
        }

        string[] changed =
        [
            .. before.FullName == changes.FullName ? [] : new[] { "fullName" },
            .. before.Email == changes.Email ? [] : new[] { "email" },
            .. before.Phone == changes.Phone ? [] : new[] { "phone" },
        ];
        if (changed.Length > 0)
        {
            var audit = new AuditEntry(AuditLog.Patient, patientId, "Updated", actor, changed, now);
            await MongoAuditLog.RecordAsync(clinic, session, audit, ct);
        }

        return MongoPatients.ToDetails(after);
    }

    public async Task<bool?> IsErasedAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await clinic.Patients.Find(p => p.Id == patientId).FirstOrDefaultAsync(ct);
        return patient is null ? null : patient.ErasedAt is not null;
    }
}

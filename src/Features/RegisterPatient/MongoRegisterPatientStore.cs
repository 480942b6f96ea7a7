using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.RegisterPatient;

internal sealed class MongoRegisterPatientStore(MongoClinic clinic) : IRegisterPatientStore, IMongoStore
{
    public async Task InsertAsync(PatientDetails patient, Actor actor, CancellationToken ct)
    {
        var audit = new AuditEntry(
            AuditLog.Patient,
            patient.Id,
            "Registered",
            actor,
            AuditLog.PatientFields,
            patient.RegisteredAt
        );
        try
        {
            await clinic.InTransactionAsync(
                async (session, token) =>
                {
                    await clinic.Patients.InsertOneAsync(session, MongoPatients.ToDocument(patient), null, token);
                    await MongoAuditLog.RecordAsync(clinic, session, audit, token);
                    return true;
                },
                ct
            );
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            throw PatientEmail.Taken();
        }
    }
}

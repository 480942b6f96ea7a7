using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class MongoClinicData
{
    public override Task<long> CountDoctorsAsync() => clinic.Doctors.CountDocumentsAsync(_ => true);

    public override async Task<(Guid Id, string Name)> PatientOfAsync(Guid appointmentId)
    {
        var appointment = await clinic.Appointments.Find(a => a.Id == appointmentId).SingleAsync();
        var patient = await clinic.Patients.Find(p => p.Id == appointment.PatientId).SingleAsync();
        return (patient.Id, patient.FullName);
    }

    public override async Task CancelDirectlyAsync(Guid appointmentId)
    {
        await clinic.Appointments.UpdateOneAsync(
            a => a.Id == appointmentId,
            Builders<AppointmentDocument>.Update.Set(a => a.Status, AppointmentStatus.Cancelled)
        );
        await clinic.SlotClaims.DeleteManyAsync(c => c.AppointmentId == appointmentId);
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class MongoClinicData
{
    public override async Task<Guid> InsertPatientAppointmentAsync(
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        string status,
        string reason,
        string? cancellationReason
    )
    {
        var id = Guid.CreateVersion7();
        await InsertAppointmentAsync(id, doctorId, patientId, startsAt, startsAt.AddMinutes(30), status);
        await clinic.Appointments.UpdateOneAsync(
            a => a.Id == id,
            Builders<AppointmentDocument>
                .Update.Set(a => a.Reason, reason)
                .Set(a => a.CancellationReason, cancellationReason)
        );
        return id;
    }

    public override async Task<StoredAppointmentText> ReadAppointmentTextAsync(Guid id)
    {
        var a = await clinic.Appointments.Find(a => a.Id == id).SingleAsync();
        return new StoredAppointmentText(a.Status, a.Reason, a.CancellationReason, a.ManageTokenHash);
    }

    public override async Task<StoredPatient> ReadPatientAsync(Guid id)
    {
        var p = await clinic.Patients.Find(p => p.Id == id).SingleAsync();
        return new StoredPatient(p.FullName, p.Email, p.Phone, p.ErasedAt, p.UpdatedAt);
    }

    public override Task LockStaffUntilAsync(string email, DateTimeOffset until) =>
        clinic.StaffUsers.UpdateOneAsync(
            s => s.Email == email,
            Builders<StaffUserDocument>.Update.Set(s => s.LockedUntil, until.UtcDateTime)
        );

    public override Task SetStaffRoleAsync(string email, string role) =>
        clinic.StaffUsers.UpdateOneAsync(
            s => s.Email == email,
            Builders<StaffUserDocument>.Update.Set(s => s.Role, role)
        );

    public override Task DeleteStaffAsync(string email) => clinic.StaffUsers.DeleteOneAsync(s => s.Email == email);

    public override async Task<IReadOnlyDictionary<string, long>> CountAllAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var name in MongoClinic.CollectionNames)
        {
            counts[name] = await clinic.Database.GetCollection<BsonDocument>(name).CountDocumentsAsync(_ => true);
        }

        return counts;
    }

    public override async Task<IReadOnlyList<Guid>> AppointmentIdsAsync() =>
        (await clinic.Appointments.Find(_ => true).ToListAsync()).Select(a => a.Id).ToList();

    public override async Task<Guid> AnyTimeOffIdAsync()
    {
        var doctors = await clinic.Doctors.Find(_ => true).ToListAsync();
        return doctors.SelectMany(d => d.TimeOff).First().Id;
    }
}

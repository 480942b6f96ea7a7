using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class MongoClinicData(MongoClinic clinic) : ClinicData
{
    private static readonly DateTime Created = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    public override async Task ResetAsync()
    {
        foreach (var name in MongoClinic.CollectionNames)
        {
            await clinic.Database.GetCollection<MongoDB.Bson.BsonDocument>(name).DeleteManyAsync(_ => true);
        }
    }

    public override async Task<string> AddStaffAsync(string role = StaffRoles.Admin, Guid? doctorId = null)
    {
        var id = Guid.CreateVersion7();
        var email = $"{role.ToLowerInvariant()}-{id:N}@clinic.test";
        await clinic.StaffUsers.InsertOneAsync(
            new StaffUserDocument
            {
                Id = id,
                Email = email,
                EmailKey = email,
                DisplayName = $"Test {role}",
                Role = role,
                DoctorId = doctorId,
                PasswordHash = PasswordHash,
                CreatedAt = Created,
            }
        );
        return email;
    }

    public override async Task<string> StaffActorAsync(string email)
    {
        var staff = await clinic.StaffUsers.Find(s => s.Email == email).SingleAsync();
        return Actor.StaffUser(staff.Id).Value;
    }

    public override async Task<string> AddApiKeyAsync(string name = "Test integrator")
    {
        var key = ManageToken.Create();
        await clinic.ApiKeys.InsertOneAsync(
            new ApiKeyDocument
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                KeyHash = ManageToken.Hash(key),
                CreatedAt = Created,
            }
        );
        return key;
    }

    public override async Task<string> ApiKeyActorAsync(string key)
    {
        var hash = ManageToken.Hash(key);
        var document = await clinic.ApiKeys.Find(k => k.KeyHash == hash).SingleAsync();
        return Actor.ApiKey(document.Id).Value;
    }

    public override Task InsertDoctorAsync(DoctorSpec doctor) =>
        clinic.Doctors.InsertOneAsync(
            new DoctorDocument
            {
                Id = doctor.Id,
                FullName = doctor.FullName,
                Specialty = doctor.Specialty,
                TimeZone = doctor.TimeZone,
                SlotMinutes = doctor.SlotMinutes,
                IsActive = doctor.IsActive,
                CreatedAt = Created,
                SearchName = SearchText.Key(doctor.FullName),
                SearchSpecialty = SearchText.Key(doctor.Specialty),
                WorkingHours =
                [
                    .. doctor.Hours.Select(h => new WorkingHoursDocument
                    {
                        Day = (int)h.Day,
                        StartsMinute = Minutes(h.Starts),
                        EndsMinute = Minutes(h.Ends),
                    }),
                ],
                TimeOff =
                [
                    .. doctor.TimeOff.Select(t => new TimeOffDocument
                    {
                        Id = Guid.CreateVersion7(),
                        Starts = WallClockDates.ToStored(t.Starts),
                        Ends = WallClockDates.ToStored(t.Ends),
                        Reason = "Leave",
                    }),
                ],
            }
        );

    public override Task InsertPatientAsync(Guid id, string fullName, string email, string phone) =>
        clinic.Patients.InsertOneAsync(
            new PatientDocument
            {
                Id = id,
                FullName = fullName,
                Email = email,
                EmailKey = email.ToLowerInvariant(),
                Phone = phone,
                PhoneDigits = SearchText.Digits(phone),
                SearchName = SearchText.Key(fullName),
                CreatedAt = Created,
                UpdatedAt = Created,
            }
        );

    public override async Task InsertAppointmentAsync(
        Guid id,
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string status
    )
    {
        if (status != AppointmentStatus.Cancelled)
        {
            var claims = SlotClaimIds
                .Of(SlotClaimIds.Doctor, doctorId, startsAt, endsAt)
                .Concat(SlotClaimIds.Of(SlotClaimIds.Patient, patientId, startsAt, endsAt))
                .Select(claim => new SlotClaimDocument { Id = claim, AppointmentId = id });
            await clinic.SlotClaims.InsertManyAsync(claims);
        }

        await clinic.Appointments.InsertOneAsync(
            new AppointmentDocument
            {
                Id = id,
                DoctorId = doctorId,
                PatientId = patientId,
                StartsAt = startsAt.UtcDateTime,
                EndsAt = endsAt.UtcDateTime,
                Status = status,
                Reason = "Revisión anual",
                CreatedAt = Created,
                UpdatedAt = Created,
            }
        );
    }

    public override async Task<StoredAppointment> ReadAppointmentAsync(Guid id)
    {
        var a = await clinic.Appointments.Find(a => a.Id == id).SingleAsync();
        return new StoredAppointment(a.Id, a.Status, a.StartsAt, a.EndsAt, a.CancellationReason, a.ManageTokenHash);
    }

    public override async Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid id)
    {
        var events = await clinic
            .AppointmentEvents.Find(e => e.AppointmentId == id)
            .SortBy(e => e.Sequence)
            .ToListAsync();
        return events.Select(e => new StoredEvent(e.Kind, e.Status, e.Actor, e.StartsAt, e.EndsAt, e.Note)).ToList();
    }

    public override Task<long> CountAppointmentsAsync() => clinic.Appointments.CountDocumentsAsync(_ => true);

    public override Task<long> CountPatientsAsync() => clinic.Patients.CountDocumentsAsync(_ => true);

    private static int Minutes(string time) =>
        time == "24:00"
            ? 24 * 60
            : (int)TimeSpan.Parse(time, System.Globalization.CultureInfo.InvariantCulture).TotalMinutes;
}

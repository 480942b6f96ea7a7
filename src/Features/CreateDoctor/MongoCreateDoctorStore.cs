using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;

namespace AppointmentSlices.Features.CreateDoctor;

/// <summary>The week is embedded in the doctor's document, so one insert stores both atomically.</summary>
internal sealed class MongoCreateDoctorStore(MongoClinic clinic, TimeProvider clock) : ICreateDoctorStore, IMongoStore
{
    public Task InsertAsync(DoctorDetails doctor, CancellationToken ct) =>
        clinic.Doctors.InsertOneAsync(
            new DoctorDocument
            {
                Id = doctor.Id,
                FullName = doctor.FullName,
                Specialty = doctor.Specialty,
                TimeZone = doctor.TimeZone,
                SlotMinutes = doctor.SlotMinutes,
                IsActive = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                SearchName = SearchText.Key(doctor.FullName),
                SearchSpecialty = SearchText.Key(doctor.Specialty),
                WorkingHours = MongoWorkingHours.ToDocuments(doctor.WorkingHours),
            },
            cancellationToken: ct
        );
}

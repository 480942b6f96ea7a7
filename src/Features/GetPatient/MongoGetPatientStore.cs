using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.GetPatient;

internal sealed class MongoGetPatientStore(MongoClinic clinic) : IGetPatientStore, IMongoStore
{
    private static readonly FilterDefinitionBuilder<AppointmentDocument> Filter = Builders<AppointmentDocument>.Filter;

    public async Task<PatientDetails?> FindAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await clinic.Patients.Find(p => p.Id == patientId).FirstOrDefaultAsync(ct);
        return patient is null ? null : MongoPatients.ToDetails(patient);
    }

    public async Task<IReadOnlyList<PatientAppointment>> ListAppointmentsAsync(
        Guid patientId,
        AppointmentKey? after,
        int take,
        CancellationToken ct
    )
    {
        var filter = Filter.Eq(a => a.PatientId, patientId);
        if (after is not null)
        {
            var startsAt = after.StartsAt.UtcDateTime;
            filter &= Filter.Or(
                Filter.Lt(a => a.StartsAt, startsAt),
                Filter.And(Filter.Eq(a => a.StartsAt, startsAt), Filter.Lt(a => a.Id, after.Id))
            );
        }

        var appointments = await clinic
            .Appointments.Find(filter)
            .SortByDescending(a => a.StartsAt)
            .ThenByDescending(a => a.Id)
            .Limit(take)
            .ToListAsync(ct);
        var doctorIds = appointments.Select(a => a.DoctorId).Distinct().ToList();
        var doctors = await clinic
            .Doctors.Find(Builders<DoctorDocument>.Filter.In(d => d.Id, doctorIds))
            .ToListAsync(ct);
        var byId = doctors.ToDictionary(d => d.Id);

        // Like the SQL's inner join: an appointment whose doctor is gone is left out.
        return appointments
            .Where(a => byId.ContainsKey(a.DoctorId))
            .Select(a =>
            {
                var doctor = byId[a.DoctorId];
                var zone = TimeZoneInfo.FindSystemTimeZoneById(doctor.TimeZone);
                return new PatientAppointment(
                    a.Id,
                    a.DoctorId,
                    doctor.FullName,
                    doctor.Specialty,
                    TimeZoneInfo.ConvertTime(new DateTimeOffset(a.StartsAt), zone),
                    TimeZoneInfo.ConvertTime(new DateTimeOffset(a.EndsAt), zone),
                    doctor.TimeZone,
                    a.Status,
                    a.Reason
                );
            })
            .ToList();
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.DoctorCalendarFeed;

internal sealed class MongoDoctorCalendarFeedStore(MongoClinic clinic) : IDoctorCalendarFeedStore, IMongoStore
{
    private static readonly string[] Listed = [AppointmentStatus.Scheduled, AppointmentStatus.Completed];

    public async Task<FeedDoctor?> FindDoctorAsync(Guid doctorId, CancellationToken ct)
    {
        var doctor = await clinic.Doctors.Find(d => d.Id == doctorId).FirstOrDefaultAsync(ct);
        return doctor is null ? null : new FeedDoctor(doctor.Id, doctor.FullName, doctor.TimeZone);
    }

    public async Task<IReadOnlyList<FeedAppointment>> ListAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        var fromUtc = from.UtcDateTime;
        var toUtc = to.UtcDateTime;
        var appointments = await clinic
            .Appointments.Find(a =>
                a.DoctorId == doctorId && Listed.Contains(a.Status) && a.StartsAt >= fromUtc && a.StartsAt <= toUtc
            )
            .SortBy(a => a.StartsAt)
            .ThenBy(a => a.Id)
            .ToListAsync(ct);
        if (appointments.Count == 0)
        {
            return [];
        }

        var patientIds = appointments.Select(a => a.PatientId).Distinct().ToList();
        var names = (await clinic.Patients.Find(p => patientIds.Contains(p.Id)).ToListAsync(ct)).ToDictionary(
            p => p.Id,
            p => p.FullName
        );
        var sequences = await MongoAppointmentSequences.CountAsync(clinic, [.. appointments.Select(a => a.Id)], ct);
        return appointments
            .Where(a => names.ContainsKey(a.PatientId))
            .Select(a => new FeedAppointment(
                a.Id,
                names[a.PatientId],
                new DateTimeOffset(a.StartsAt),
                new DateTimeOffset(a.EndsAt),
                a.Status,
                sequences.GetValueOrDefault(a.Id),
                new DateTimeOffset(a.CreatedAt),
                new DateTimeOffset(a.UpdatedAt)
            ))
            .ToList();
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.Scheduling;

internal sealed class MongoDoctorScheduleStore(MongoClinic clinic) : IDoctorScheduleStore, IMongoStore
{
    public async Task<ScheduledDoctor?> FindAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        var doctor = await clinic.Doctors.Find(d => d.Id == doctorId).FirstOrDefaultAsync(ct);
        return doctor is null ? null : MongoDoctors.ToScheduled(doctor);
    }
}

/// <summary>Reads and writes of a doctor document that the Mongo stores share.</summary>
internal static class MongoDoctors
{
    public static ScheduledDoctor ToScheduled(DoctorDocument doctor)
    {
        var hours = doctor
            .WorkingHours.Select(h => new WorkingHours(
                (DayOfWeek)h.Day,
                TimeSpan.FromMinutes(h.StartsMinute),
                TimeSpan.FromMinutes(h.EndsMinute)
            ))
            .ToList();
        var timeOff = doctor
            .TimeOff.Select(t => new TimeOff(WallClockDates.FromStored(t.Starts), WallClockDates.FromStored(t.Ends)))
            .ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(doctor.TimeZone);
        var schedule = new DoctorSchedule(zone, TimeSpan.FromMinutes(doctor.SlotMinutes), hours, timeOff);
        return new ScheduledDoctor(
            doctor.Id,
            doctor.FullName,
            doctor.Specialty,
            doctor.TimeZone,
            doctor.IsActive,
            schedule
        );
    }

    /// <summary>
    /// Writes the doctor's document inside the caller's transaction, which MongoDB then treats as a lock: another
    /// transaction that writes it before this one ends fails with a transient write conflict and runs again.
    /// Bookings and moves touch their doctor, and so do schedule changes, so they never interleave. Returns the
    /// doctor as this transaction sees them after the touch, or null for an unknown id.
    /// </summary>
    public static async Task<DoctorDocument?> TouchAsync(
        MongoClinic clinic,
        IClientSessionHandle session,
        Guid doctorId,
        CancellationToken ct
    ) =>
        await clinic.Doctors.FindOneAndUpdateAsync(
            session,
            Builders<DoctorDocument>.Filter.Eq(d => d.Id, doctorId),
            Builders<DoctorDocument>.Update.Inc(d => d.Touches, 1),
            new FindOneAndUpdateOptions<DoctorDocument> { ReturnDocument = ReturnDocument.After },
            ct
        );
}

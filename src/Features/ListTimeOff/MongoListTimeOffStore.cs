using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ListTimeOff;

/// <summary>
/// Time off is embedded in the doctor's document, so one read brings all of it; the window, the keyset and the
/// order (start, then id; Guid compares as PostgreSQL's uuid does) are applied here.
/// </summary>
internal sealed class MongoListTimeOffStore(MongoClinic clinic) : IListTimeOffStore, IMongoStore
{
    public async Task<string?> TimeZoneOfAsync(Guid doctorId, CancellationToken ct)
    {
        var doctor = await clinic
            .Doctors.Find(d => d.Id == doctorId)
            .Project<DoctorDocument>(Builders<DoctorDocument>.Projection.Include(d => d.TimeZone))
            .FirstOrDefaultAsync(ct);
        return doctor?.TimeZone;
    }

    public async Task<IReadOnlyList<TimeOffRow>> ListAsync(
        Guid doctorId,
        DateTime from,
        DateTime? to,
        (DateTime Starts, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var doctor = await clinic
            .Doctors.Find(d => d.Id == doctorId)
            .Project<DoctorDocument>(Builders<DoctorDocument>.Projection.Include(d => d.TimeOff))
            .FirstOrDefaultAsync(ct);
        return (doctor?.TimeOff ?? [])
            .Select(t => new TimeOffRow(
                t.Id,
                WallClockDates.FromStored(t.Starts),
                WallClockDates.FromStored(t.Ends),
                t.Reason
            ))
            .Where(t => t.Ends > from && (to is null || t.Starts < to))
            .Where(t =>
                after is not var (starts, id) || t.Starts > starts || (t.Starts == starts && t.Id.CompareTo(id) > 0)
            )
            .OrderBy(t => t.Starts)
            .ThenBy(t => t.Id)
            .Take(take)
            .ToList();
    }
}

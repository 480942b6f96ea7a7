using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.AvailableSlots;

internal sealed class MongoAvailableSlotsStore(MongoClinic clinic) : IAvailableSlotsStore, IMongoStore
{
    public async Task<IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)>> BusyAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        // An empty window overlaps nothing, as PostgreSQL's empty range does.
        if (from >= to)
        {
            return [];
        }

        var fromUtc = from.UtcDateTime;
        var toUtc = to.UtcDateTime;
        var appointments = await clinic
            .Appointments.Find(a =>
                a.DoctorId == doctorId
                && a.Status != AppointmentStatus.Cancelled
                && a.StartsAt < toUtc
                && a.EndsAt > fromUtc
            )
            .SortBy(a => a.StartsAt)
            .ToListAsync(ct);
        return appointments.Select(a => (new DateTimeOffset(a.StartsAt), new DateTimeOffset(a.EndsAt))).ToList();
    }
}

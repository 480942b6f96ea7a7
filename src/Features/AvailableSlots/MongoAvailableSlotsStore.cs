using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.AvailableSlots;

internal sealed class MongoAvailableSlotsStore(MongoClinic clinic, IDoctorScheduleStore schedules)
    : IAvailableSlotsStore,
        IMongoStore
{
    public async Task<SlotsBasis?> ReadAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        var doctor = await schedules.FindAsync(doctorId, from, to, ct);
        return doctor is null ? null : new SlotsBasis(doctor, await BusyAsync(doctorId, from, to, ct));
    }

    private async Task<IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)>> BusyAsync(
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

using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.Common;

/// <summary>
/// An appointment's iCalendar SEQUENCE on MongoDB: its changes after the booking, counted as the PostgreSQL stores
/// count them, so the number only ever grows.
/// </summary>
internal static class MongoAppointmentSequences
{
    public static async Task<IReadOnlyDictionary<Guid, int>> CountAsync(
        MongoClinic clinic,
        IReadOnlyCollection<Guid> appointmentIds,
        CancellationToken ct
    )
    {
        if (appointmentIds.Count == 0)
        {
            return new Dictionary<Guid, int>();
        }

        var events = await clinic
            .AppointmentEvents.Find(e =>
                appointmentIds.Contains(e.AppointmentId) && e.Kind != AppointmentHistory.Booked
            )
            .ToListAsync(ct);
        return events.GroupBy(e => e.AppointmentId).ToDictionary(g => g.Key, g => g.Count());
    }
}

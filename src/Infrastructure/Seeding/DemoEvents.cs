using Bogus;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>
/// The history of every demo appointment: its booking, and the cancellation or outcome its status tells of.
/// Made after everything else, so the rest of the demo clinic is the same as before histories were seeded.
/// </summary>
internal static class DemoEvents
{
    public static List<DemoAppointmentEvent> Create(
        Faker faker,
        DemoIds ids,
        IReadOnlyList<DemoAppointment> appointments,
        DateTimeOffset now
    )
    {
        var events = new List<DemoAppointmentEvent>(appointments.Count * 2);
        foreach (var appointment in appointments)
        {
            DemoAppointmentEvent Event(DateTimeOffset occurredAt, string kind, string status, string actor) =>
                new(
                    ids.At(occurredAt),
                    appointment.Id,
                    occurredAt,
                    kind,
                    status,
                    actor,
                    appointment.StartsAt,
                    appointment.EndsAt
                );

            var bookedBy = faker.Random.Bool(0.7f) ? "patient" : "staff";
            events.Add(Event(appointment.CreatedAt, "Booked", "Scheduled", bookedBy));
            switch (appointment.Status)
            {
                case "Cancelled":
                    // Some time between the booking and the start, and never in the future.
                    var latest = appointment.StartsAt < now ? appointment.StartsAt : now;
                    var cancelledAt =
                        appointment.CreatedAt + (latest - appointment.CreatedAt) * faker.Random.Double(0.1, 0.9);
                    var cancelledBy = faker.Random.Bool(0.8f) ? "patient" : "staff";
                    events.Add(Event(cancelledAt, "Cancelled", "Cancelled", cancelledBy));
                    break;
                case "Completed" or "NoShow":
                    events.Add(Event(appointment.EndsAt, appointment.Status, appointment.Status, "staff"));
                    break;
            }
        }

        return events;
    }
}

namespace AppointmentSlices.Infrastructure.Mongo;

/// <summary>Wall-clock date-times (no zone) stored in BSON dates, which are always UTC.</summary>
public static class WallClockDates
{
    public static DateTime ToStored(DateTime wallClock) => DateTime.SpecifyKind(wallClock, DateTimeKind.Utc);

    public static DateTime FromStored(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Unspecified);
}

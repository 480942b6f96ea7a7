using AppointmentSlices.Features.Scheduling;

namespace AppointmentSlices.Features.AvailableSlots;

internal static class WindowBoundRanges
{
    private static readonly TimeSpan WidestOffset = TimeSpan.FromHours(14);

    /// <summary>An instant no later than the bound in any zone (for loading before the zone is known).</summary>
    public static DateTimeOffset Earliest(this WindowBound? bound, DateTimeOffset fallback) =>
        bound switch
        {
            null => fallback,
            { Instant: { } instant } => instant,
            { Date: { } date } => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - WidestOffset,
            _ => fallback,
        };

    /// <summary>An instant no earlier than the bound in any zone.</summary>
    public static DateTimeOffset Latest(this WindowBound? bound, DateTimeOffset fallback) =>
        bound switch
        {
            null => fallback.AddDays(AvailableSlotsHandler.MaxDays + 1),
            { Instant: { } instant } => instant,
            { Date: { } date } => new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                + WidestOffset,
            _ => fallback,
        };
}

namespace AppointmentSlices.Infrastructure.Mongo;

/// <summary>
/// The ids of the <c>slot_claims</c> an active appointment holds: "d:" for its doctor or "p:" for its patient, the
/// owner's id, and the number of each five-minute unit since the Unix epoch that the appointment touches.
/// </summary>
public static class SlotClaimIds
{
    public const string Doctor = "d";
    public const string Patient = "p";
    public const int UnitMinutes = 5;

    public static IEnumerable<string> Of(string kind, Guid ownerId, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var unitSeconds = UnitMinutes * 60L;
        var first = Math.Floor((double)startsAt.ToUnixTimeSeconds() / unitSeconds);
        var last = Math.Ceiling((double)endsAt.ToUnixTimeSeconds() / unitSeconds);
        for (var unit = (long)first; unit < (long)last; unit++)
        {
            yield return $"{kind}:{ownerId:N}:{unit}";
        }
    }
}

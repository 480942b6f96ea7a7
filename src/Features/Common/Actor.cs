namespace AppointmentSlices.Features.Common;

/// <summary>
/// Who changed something, as recorded in an appointment's history: the patient through their private link,
/// the clinic's staff in the back office, an integrator through the API, or the system itself.
/// </summary>
public readonly record struct Actor(string Value)
{
    public static readonly Actor Patient = new("patient");
    public static readonly Actor Staff = new("staff");
    public static readonly Actor Api = new("api");
    public static readonly Actor System = new("system");

    /// <summary>One signed-in staff member, so the history names who acted: <c>staff:&lt;id&gt;</c>.</summary>
    public static Actor StaffUser(Guid staffUserId) => new($"staff:{staffUserId}");

    public override string ToString() => Value;
}

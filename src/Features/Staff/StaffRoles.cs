namespace AppointmentSlices.Features.Staff;

/// <summary>
/// What a staff member may do. An admin does everything; a receptionist everything but managing staff and API
/// keys; a doctor reads their own agenda and appointments only.
/// </summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Receptionist = "Receptionist";
    public const string Doctor = "Doctor";

    public static readonly IReadOnlyList<string> All = [Admin, Receptionist, Doctor];
}

/// <summary>A signed-in staff member, as the session carries them.</summary>
public sealed record StaffMember(Guid Id, string Email, string DisplayName, string Role, Guid? DoctorId);

/// <summary>The authorization policies staff endpoints and pages name.</summary>
public static class StaffPolicies
{
    /// <summary>Admins, receptionists and API keys: the clinic's day-to-day work.</summary>
    public const string FrontDesk = "FrontDesk";

    /// <summary>
    /// The front desk and doctors: reading the agenda and appointments. Doctors read only their own doctor's, which
    /// <see cref="AppointmentAccess"/> decides.
    /// </summary>
    public const string Agenda = "Agenda";

    /// <summary>Staff accounts and API keys.</summary>
    public const string AdminOnly = "AdminOnly";
}

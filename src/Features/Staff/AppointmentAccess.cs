using System.Security.Claims;
using AppointmentSlices.Features.GetAppointment;
using Mediator;

namespace AppointmentSlices.Features.Staff;

/// <summary>
/// Whose appointments a staff member may read, decided in one place. The front desk (admins, receptionists, API
/// keys) reads and changes every doctor's; a doctor reads only their own doctor's, from the doctor id claim that
/// sign-in issues, and changes nothing. A doctor account linked to no doctor reads nothing.
/// </summary>
public static class AppointmentAccess
{
    /// <summary>The doctor id claim sign-in issues (the same name as SecurityRegistration.DoctorIdClaim).</summary>
    public const string DoctorIdClaim = "doctor_id";

    /// <summary>
    /// The only doctor whose appointments the user may read, or null when they may read every doctor's. For a
    /// doctor without a readable doctor id claim it is <see cref="Guid.Empty"/>, which no appointment has.
    /// </summary>
    public static Guid? OwnDoctorId(ClaimsPrincipal user)
    {
        if (!user.IsInRole(StaffRoles.Doctor) || MayChange(user))
        {
            return null;
        }

        return Guid.TryParse(user.FindFirstValue(DoctorIdClaim), out var doctorId) ? doctorId : Guid.Empty;
    }

    /// <summary>Whether the user may read an appointment of this doctor.</summary>
    public static bool MayRead(ClaimsPrincipal user, Guid doctorId) =>
        OwnDoctorId(user) is not { } own || (own != Guid.Empty && own == doctorId);

    /// <summary>Whether the user may change appointments (cancel, move, record outcomes): the front desk.</summary>
    public static bool MayChange(ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Receptionist);

    /// <summary>
    /// The doctor filter a list of appointments runs with: the front desk's own choice, and a doctor's own doctor.
    /// False when a doctor asks for another doctor's, or is linked to no doctor.
    /// </summary>
    public static bool TryScopeList(ClaimsPrincipal user, Guid? requested, out Guid? doctorId)
    {
        doctorId = requested;
        if (OwnDoctorId(user) is not { } own)
        {
            return true;
        }

        doctorId = own;
        return own != Guid.Empty && (requested is null || requested == own);
    }

    /// <summary>
    /// Whether the user may read one appointment, looked up only when the user is confined to a doctor. An unknown
    /// appointment throws <see cref="Common.NotFoundException"/>, as reading it would.
    /// </summary>
    public static async ValueTask<bool> MayReadAppointmentAsync(
        ClaimsPrincipal user,
        Guid appointmentId,
        IMediator mediator,
        CancellationToken ct
    )
    {
        if (OwnDoctorId(user) is null)
        {
            return true;
        }

        var appointment = await mediator.Send(new GetAppointmentQuery(appointmentId), ct);
        return MayRead(user, appointment.DoctorId);
    }
}

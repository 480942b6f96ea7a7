using System.Security.Claims;
using AppointmentSlices.Features.Common;

namespace AppointmentSlices.Web.Security;

/// <summary>Who acts in the back office: the signed-in staff member, as <c>staff:&lt;id&gt;</c>.</summary>
public static class StaffActor
{
    public static Actor AsActor(this ClaimsPrincipal user) => Actor.From(user, Actor.Staff);
}

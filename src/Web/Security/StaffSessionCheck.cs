using System.Globalization;
using System.Security.Claims;
using AppointmentSlices.Features.FindStaffUser;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AppointmentSlices.Web.Security;

/// <summary>
/// Re-reads a staff session's account at most once a minute: a session whose account is gone or locked, or that was
/// signed out (it carries an earlier session generation than the account's), stops working, and one whose role
/// (or doctor) changed carries the new one from then on.
/// </summary>
internal static class StaffSessionCheck
{
    /// <summary>When the session's account was last read, kept in the cookie's own properties.</summary>
    public const string CheckedAtItem = ".staff.checked-at";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (
            context.Properties.Items.TryGetValue(CheckedAtItem, out var stored)
            && DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && at <= now
            && now - at < Interval
        )
        {
            return;
        }

        var standing = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await services
                .GetRequiredService<IMediator>()
                .Send(new FindStaffUserQuery(id), context.HttpContext.RequestAborted)
            : null;
        if (standing is null || standing.LockedUntil > now || SessionGeneration(context) != standing.SessionGeneration)
        {
            services
                .GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(StaffSessionCheck))
                .LogWarning("Ended the session of staff {StaffUserId}: account locked, gone or signed out", id);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(SecurityRegistration.Principal(standing.Member, standing.SessionGeneration));
        context.Properties.Items[CheckedAtItem] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    // A session from before sessions carried a generation holds the first one.
    private static int SessionGeneration(CookieValidatePrincipalContext context) =>
        int.TryParse(
            context.Principal?.FindFirstValue(SecurityRegistration.SessionGenerationClaim),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var generation
        )
            ? generation
            : 0;
}

using System.Security.Claims;
using AppointmentSlices.Features.SignOutStaff;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin;

/// <summary>
/// Ends the staff session (a POST from the layout's form, so another site cannot sign staff out), and with it every
/// other session of the account: a copy of the cookie stops working at its next check, within a minute.
/// </summary>
public sealed class SignOutModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var staffUserId))
        {
            await mediator.Send(new SignOutStaffCommand(staffUserId), ct);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Admin/SignIn");
    }
}

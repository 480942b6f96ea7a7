using AppointmentSlices.Features.SignInStaff;
using AppointmentSlices.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin;

/// <summary>Staff sign in with their email and password; the session is a cookie.</summary>
public sealed class SignInModel(IMediator mediator) : PageModel
{
    public string? Email { get; private set; }

    public string? ReturnUrl { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(
        string? email,
        string? password,
        string? returnUrl,
        CancellationToken ct
    )
    {
        Email = email;
        ReturnUrl = returnUrl;
        var result = await mediator.Send(new SignInStaffCommand(email ?? "", password ?? ""), ct);
        if (result.Member is null)
        {
            // The same words for an unknown email, a wrong password and a locked account, so the form reveals no
            // account: a locked account answered differently would show that the email belongs to someone.
            Problem =
                "The email or password is not right, or the account is locked for a while after too many failed "
                + "attempts.";
            return Page();
        }

        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            SecurityRegistration.Principal(result.Member, result.SessionGeneration)
        );
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin");
    }
}

using AppointmentSlices.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages;

/// <summary>The language switcher's target: remembers the choice and goes back to the page it came from.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = LocalizationRegistration.PatientCultures.FirstOrDefault(c => c.Name == culture);
        if (chosen is not null)
        {
            LanguageCookie.Remember(Response, chosen.Name);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}

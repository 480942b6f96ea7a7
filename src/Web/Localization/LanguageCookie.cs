using Microsoft.AspNetCore.Localization;

namespace AppointmentSlices.Web.Localization;

/// <summary>The patient's choice of language, remembered for a year; it holds nothing but the language.</summary>
public static class LanguageCookie
{
    public const string Name = "clinic-language";

    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(
            Name,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
                Path = "/",
            }
        );
}

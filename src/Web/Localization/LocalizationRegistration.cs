using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace AppointmentSlices.Web.Localization;

public static class LocalizationRegistration
{
    /// <summary>The languages of the patient pages; the first is the default.</summary>
    public static readonly CultureInfo[] PatientCultures =
    [
        CultureInfo.GetCultureInfo("es"),
        CultureInfo.GetCultureInfo("en"),
    ];

    /// <summary>
    /// Patient pages speak Spanish or English: the switcher's cookie first, then the browser's Accept-Language,
    /// else Spanish. The back office and the API stay English, so staff tools and problem details read the same
    /// for every caller. Validators always write English (for the API and the logs); pages translate their errors.
    /// </summary>
    public static IServiceCollection AddClinicLocalization(this IServiceCollection services)
    {
        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("en");
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PatientCultures[0]);
            options.SupportedCultures = PatientCultures;
            options.SupportedUICultures = PatientCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(EnglishForStaffAndApi),
                new CookieRequestCultureProvider { CookieName = LanguageCookie.Name },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    private static Task<ProviderCultureResult?> EnglishForStaffAndApi(HttpContext context)
    {
        // The error page re-executed for a back-office failure speaks the back office's language too.
        var failed = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var path = failed is null ? context.Request.Path : new PathString(failed);
        var staffOrApi = path.StartsWithSegments("/admin") || path.StartsWithSegments("/api");
        return Task.FromResult(staffOrApi ? new ProviderCultureResult("en") : null);
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages;

/// <summary>
/// What a patient sees when something fails on our side, or for a status code given as ?code=. A failure under
/// /admin is shown in the back office instead, in its layout (and in English: see the localization registration).
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string RequestId { get; private set; } = "";

    public bool IsBackOffice { get; private set; }

    // No handlers: the page re-executes with whatever method failed (POST, TRACE …), so it reads its code itself.
    [NonHandler]
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        Status =
            int.TryParse(Request.Query["code"], out var code) && code is >= 400 and <= 599
                ? code
                : StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var failedPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        IsBackOffice = new PathString(failedPath).StartsWithSegments("/admin");
    }
}

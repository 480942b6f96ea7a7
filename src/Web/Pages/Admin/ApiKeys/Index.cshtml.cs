using System.Security.Claims;
using AppointmentSlices.Features.IssueApiKey;
using AppointmentSlices.Features.ListApiKeys;
using AppointmentSlices.Features.RevokeApiKey;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.ApiKeys;

/// <summary>An admin issues keys for integrators (each shown once) and revokes them.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ApiKeyItem> Keys { get; private set; } = [];

    public string? IssuedKey { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Keys = await mediator.Send(new ListApiKeysQuery(), ct);

    // The key is rendered in this answer, not after a redirect: it must never travel through TempData's cookie.
    public async Task OnPostIssueAsync(string? name, CancellationToken ct)
    {
        try
        {
            IssuedKey = (await mediator.Send(new IssueApiKeyCommand(name ?? "", SignedIn()), ct)).Key;
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
        }

        Keys = await mediator.Send(new ListApiKeysQuery(), ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiKeyCommand(id, SignedIn()), ct);
        return RedirectToPage();
    }

    private Guid? SignedIn() => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAuditLog;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppointmentSlices.Web.Pages.Admin.Audit;

/// <summary>Who changed what on appointments and patients, newest first, filtered by entity and id.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<AuditLogEntry> Results { get; private set; } = new([], null);

    public string? FilterError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            FilterError = "The entity id must be a UUID such as 0194…-….";
            return;
        }

        try
        {
            var entity = string.IsNullOrWhiteSpace(Entity) ? null : Entity;
            Results = await mediator.Send(new GetAuditLogQuery(entity, EntityId, null, Cursor), ct);
        }
        catch (ValidationException e)
        {
            FilterError = e.Errors.First().ErrorMessage;
        }
    }
}

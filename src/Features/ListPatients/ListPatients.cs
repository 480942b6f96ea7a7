using AppointmentSlices.Features.Common;
using FluentValidation;
using Mediator;

namespace AppointmentSlices.Features.ListPatients;

/// <summary>
/// Patients ordered by name then id, a page at a time; <c>Q</c> narrows them to those whose name, email or
/// phone holds it. Erased patients are not listed.
/// </summary>
public sealed record ListPatientsQuery(string? Q = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<PatientListItem>>;

public sealed record PatientListItem(Guid Id, string FullName, string Email, string Phone);

internal sealed class ListPatientsValidator : AbstractValidator<ListPatientsQuery>
{
    public ListPatientsValidator()
    {
        RuleFor(q => q.Q)
            .MaximumLength(200)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("The search must not contain control characters.");
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor)
            .Must((q, c) => c is null || Paging.TryDecodeCursor(c, ListPatientsHandler.ScopeOf(q), out _, out _))
            .WithMessage(Paging.ForeignCursor);
    }
}

internal sealed class ListPatientsHandler(IListPatientsStore store)
    : IQueryHandler<ListPatientsQuery, Page<PatientListItem>>
{
    public async ValueTask<Page<PatientListItem>> Handle(ListPatientsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var scope = ScopeOf(query);
        Paging.TryDecodeCursor(query.Cursor, scope, out var afterKey, out var afterId);

        var rows = await store.ListAsync(
            PatientSearch.For(query.Q),
            query.Cursor is null ? null : (afterKey, afterId),
            limit + 1,
            ct
        );

        var items = rows.Take(limit).Select(r => r.Patient).ToList();
        var next =
            rows.Count > limit ? Paging.EncodeCursor(scope, rows[limit - 1].SortKey, rows[limit - 1].Patient.Id) : null;
        return new Page<PatientListItem>(items, next);
    }

    public static string ScopeOf(ListPatientsQuery query) => Paging.Scope("patients", TextRules.BlankToNull(query.Q));
}

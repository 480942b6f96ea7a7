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
            .Must(c => c is null || Paging.TryDecodeCursor(c, out _, out _))
            .WithMessage("The cursor is not one this API returned; start again without it.");
    }
}

internal sealed class ListPatientsHandler(IListPatientsStore store)
    : IQueryHandler<ListPatientsQuery, Page<PatientListItem>>
{
    public async ValueTask<Page<PatientListItem>> Handle(ListPatientsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        Paging.TryDecodeCursor(query.Cursor, out var afterKey, out var afterId);

        var rows = await store.ListAsync(
            PatientSearch.For(query.Q),
            query.Cursor is null ? null : (afterKey, afterId),
            limit + 1,
            ct
        );

        var items = rows.Take(limit).Select(r => r.Patient).ToList();
        var next = rows.Count > limit ? Paging.EncodeCursor(rows[limit - 1].SortKey, rows[limit - 1].Patient.Id) : null;
        return new Page<PatientListItem>(items, next);
    }
}

using AppointmentSlices.Features.Common;
using FluentValidation;
using Mediator;

namespace AppointmentSlices.Features.ListDoctors;

/// <summary>
/// Doctors taking bookings, optionally of one specialty or matching part of a name, in pages.
/// <c>IncludeInactive</c> lists the doctors who have stopped taking bookings too, for the back office.
/// </summary>
public sealed record ListDoctorsQuery(
    string? Specialty = null,
    string? Name = null,
    int? Limit = null,
    string? Cursor = null,
    bool IncludeInactive = false
) : IQuery<Page<DoctorListItem>>;

public sealed record DoctorListItem(
    Guid Id,
    string FullName,
    string Specialty,
    string TimeZone,
    int SlotMinutes,
    bool IsActive
);

internal sealed class ListDoctorsValidator : AbstractValidator<ListDoctorsQuery>
{
    public ListDoctorsValidator()
    {
        RuleFor(q => q.Specialty)
            .MaximumLength(100)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("Specialty must not contain control characters.");
        RuleFor(q => q.Name)
            .MaximumLength(100)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("Name must not contain control characters.");
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor)
            .Must((q, c) => c is null || Paging.TryDecodeCursor(c, ListDoctorsHandler.ScopeOf(q), out _, out _))
            .WithMessage(Paging.ForeignCursor);
    }
}

internal sealed class ListDoctorsHandler(IListDoctorsStore store)
    : IQueryHandler<ListDoctorsQuery, Page<DoctorListItem>>
{
    public async ValueTask<Page<DoctorListItem>> Handle(ListDoctorsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var scope = ScopeOf(query);
        Paging.TryDecodeCursor(query.Cursor, scope, out var afterKey, out var afterId);

        var rows = await store.ListAsync(
            TextRules.BlankToNull(query.Specialty),
            TextRules.BlankToNull(query.Name),
            query.Cursor is null ? null : (afterKey, afterId),
            query.IncludeInactive,
            limit + 1,
            ct
        );

        var items = rows.Take(limit).Select(r => r.Doctor).ToList();
        var next =
            rows.Count > limit ? Paging.EncodeCursor(scope, rows[limit - 1].SortKey, rows[limit - 1].Doctor.Id) : null;
        return new Page<DoctorListItem>(items, next);
    }

    public static string ScopeOf(ListDoctorsQuery query) =>
        Paging.Scope(
            "doctors",
            TextRules.BlankToNull(query.Specialty),
            TextRules.BlankToNull(query.Name),
            query.IncludeInactive
        );
}

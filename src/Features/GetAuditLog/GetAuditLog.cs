using System.Globalization;
using AppointmentSlices.Features.Common;
using FluentValidation;
using Mediator;

namespace AppointmentSlices.Features.GetAuditLog;

/// <summary>
/// The audit log, newest first, in pages: every change to an appointment or a patient, who made it and the names
/// of the fields it changed. <c>Entity</c> ("appointment" or "patient") and <c>EntityId</c> narrow it.
/// </summary>
public sealed record GetAuditLogQuery(
    string? Entity = null,
    Guid? EntityId = null,
    int? Limit = null,
    string? Cursor = null
) : IQuery<Page<AuditLogEntry>>;

public sealed record AuditLogEntry(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Actor,
    string Entity,
    Guid EntityId,
    string Action,
    IReadOnlyList<string> ChangedFields
);

internal sealed class GetAuditLogValidator : AbstractValidator<GetAuditLogQuery>
{
    public const string SortKeyFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    public GetAuditLogValidator()
    {
        RuleFor(q => q.Entity)
            .Must(e => e is null or AuditLog.Appointment or AuditLog.Patient)
            .WithMessage("Entity must be appointment or patient.");
        RuleFor(q => q.EntityId).NotEqual(Guid.Empty);
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor)
            .Must((q, c) => c is null || TryDecodeCursor(c, ScopeOf(q), out _))
            .WithMessage(Paging.ForeignCursor);
    }

    public static string ScopeOf(GetAuditLogQuery query) => Paging.Scope("audit", query.Entity, query.EntityId);

    public static string EncodeCursor(string scope, AuditLogEntry last) =>
        Paging.EncodeCursor(
            scope,
            last.OccurredAt.UtcDateTime.ToString(SortKeyFormat, CultureInfo.InvariantCulture),
            last.Id
        );

    public static bool TryDecodeCursor(string? cursor, string scope, out (DateTime OccurredAt, Guid Id) after)
    {
        after = default;
        if (!Paging.TryDecodeCursor(cursor, scope, out var key, out var id))
        {
            return false;
        }

        var read = DateTime.TryParseExact(
            key,
            SortKeyFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var occurredAt
        );
        after = (occurredAt, id);
        return read;
    }
}

internal sealed class GetAuditLogHandler(IGetAuditLogStore store) : IQueryHandler<GetAuditLogQuery, Page<AuditLogEntry>>
{
    public async ValueTask<Page<AuditLogEntry>> Handle(GetAuditLogQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var scope = GetAuditLogValidator.ScopeOf(query);
        (DateTime, Guid)? after = GetAuditLogValidator.TryDecodeCursor(query.Cursor, scope, out var a) ? a : null;
        var rows = await store.ListAsync(query.Entity, query.EntityId, after, limit + 1, ct);
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? GetAuditLogValidator.EncodeCursor(scope, items[^1]) : null;
        return new Page<AuditLogEntry>(items, next);
    }
}

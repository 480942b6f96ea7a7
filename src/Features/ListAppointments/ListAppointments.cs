using System.Globalization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;

namespace AppointmentSlices.Features.ListAppointments;

/// <summary>
/// Appointments in start order, in pages, optionally of one doctor, one patient or one status, starting in a
/// window. <c>From</c>/<c>To</c> are calendar dates in UTC (<c>To</c> inclusive) or instants with an offset
/// (<c>To</c> exclusive).
/// </summary>
public sealed record ListAppointmentsQuery(
    Guid? DoctorId = null,
    Guid? PatientId = null,
    string? From = null,
    string? To = null,
    string? Status = null,
    int? Limit = null,
    string? Cursor = null
) : IQuery<Page<AppointmentListItem>>;

/// <summary>An appointment in a list; its times carry the doctor's local offset and name the doctor's zone.</summary>
public sealed record AppointmentListItem(
    Guid Id,
    Guid DoctorId,
    string DoctorName,
    Guid PatientId,
    string PatientName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string Status,
    string Reason
);

internal sealed class ListAppointmentsValidator : AbstractValidator<ListAppointmentsQuery>
{
    public ListAppointmentsValidator()
    {
        RuleFor(q => q.DoctorId).NotEqual(Guid.Empty);
        RuleFor(q => q.PatientId).NotEqual(Guid.Empty);
        RuleFor(q => q.From).Must(BeABound).WithMessage(WindowBound.FormatHelp);
        RuleFor(q => q.To).Must(BeABound).WithMessage(WindowBound.FormatHelp);
        RuleFor(q => q.Status)
            .Must(s => s is null || AppointmentStatus.Find(s) is not null)
            .WithMessage($"Status must be one of {string.Join(", ", AppointmentStatus.All)}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor)
            .Must((q, c) => c is null || AppointmentCursor.TryDecode(c, AppointmentCursor.ScopeOf(q), out _, out _))
            .WithMessage(Paging.ForeignCursor);
    }

    private static bool BeABound(string? text) => text is null || WindowBound.TryParse(text, out _);
}

internal sealed class ListAppointmentsHandler(IListAppointmentsStore store)
    : IQueryHandler<ListAppointmentsQuery, Page<AppointmentListItem>>
{
    public async ValueTask<Page<AppointmentListItem>> Handle(ListAppointmentsQuery query, CancellationToken ct)
    {
        var from = query.From is null ? (DateTimeOffset?)null : WindowBound.Parse(query.From).StartIn(TimeZoneInfo.Utc);
        var to = query.To is null ? (DateTimeOffset?)null : WindowBound.Parse(query.To).EndIn(TimeZoneInfo.Utc);
        if (from >= to)
        {
            throw Rule.Broken("to", "The end of the window must come after its start.");
        }

        var filter = new AppointmentFilter(
            query.DoctorId,
            query.PatientId,
            from,
            to,
            AppointmentStatus.Find(query.Status)
        );
        var scope = AppointmentCursor.ScopeOf(query);
        var after = AppointmentCursor.TryDecode(query.Cursor, scope, out var afterStartsAt, out var afterId)
            ? (afterStartsAt, afterId)
            : ((DateTimeOffset, Guid)?)null;
        var limit = query.Limit ?? Paging.DefaultLimit;

        var rows = await store.ListAsync(filter, after, limit + 1, ct);
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? AppointmentCursor.Encode(scope, items[^1].StartsAt, items[^1].Id) : null;
        return new Page<AppointmentListItem>(items, next);
    }
}

/// <summary>The keyset of the list: the last row's start (as UTC ticks) and id.</summary>
internal static class AppointmentCursor
{
    public static string ScopeOf(ListAppointmentsQuery query) =>
        Paging.Scope(
            "appointments",
            query.DoctorId,
            query.PatientId,
            query.From,
            query.To,
            AppointmentStatus.Find(query.Status)
        );

    public static string Encode(string scope, DateTimeOffset startsAt, Guid id) =>
        Paging.EncodeCursor(scope, startsAt.UtcTicks.ToString(CultureInfo.InvariantCulture), id);

    public static bool TryDecode(string? cursor, string scope, out DateTimeOffset startsAt, out Guid id)
    {
        startsAt = default;
        if (
            !Paging.TryDecodeCursor(cursor, scope, out var key, out id)
            || !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
        )
        {
            return false;
        }

        startsAt = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}

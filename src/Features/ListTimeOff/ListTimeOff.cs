using System.Globalization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;

namespace AppointmentSlices.Features.ListTimeOff;

/// <summary>
/// A doctor's time off that overlaps <c>From</c>..<c>To</c>, calendar dates in the doctor's zone (both inclusive);
/// from today without <c>From</c>, open-ended without <c>To</c>. Ordered by start, in pages.
/// </summary>
public sealed record ListTimeOffQuery(
    Guid DoctorId,
    string? From = null,
    string? To = null,
    int? Limit = null,
    string? Cursor = null
) : IQuery<Page<TimeOffItem>>;

/// <summary>Time off: <c>Starts</c> and <c>Ends</c> (exclusive), wall-clock "yyyy-MM-ddTHH:mm" in its zone.</summary>
public sealed record TimeOffItem(Guid Id, Guid DoctorId, string Starts, string Ends, string? Reason, string TimeZone);

internal sealed class ListTimeOffValidator : AbstractValidator<ListTimeOffQuery>
{
    public const string SortKeyFormat = "yyyy-MM-dd'T'HH:mm:ss";

    private const string DateHelp = "Use a calendar date such as 2026-03-30, between the years 1900 and 2999.";

    public ListTimeOffValidator()
    {
        RuleFor(q => q.DoctorId).NotEmpty();
        RuleFor(q => q.From).Must(d => d is null || TryParseDate(d, out _)).WithMessage(DateHelp);
        RuleFor(q => q.To)
            .Must(d => d is null || TryParseDate(d, out _))
            .WithMessage(DateHelp)
            .Must((q, to) => !TryParseDate(q.From, out var from) || !TryParseDate(to, out var last) || last >= from)
            .WithMessage("'To' must not come before 'From'.");
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor)
            .Must((q, c) => c is null || TryDecodeCursor(c, ScopeOf(q), out _))
            .WithMessage(Paging.ForeignCursor);
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 1900 and <= 2999;

    public static string ScopeOf(ListTimeOffQuery query) =>
        Paging.Scope("time-off", query.DoctorId, query.From, query.To);

    public static bool TryDecodeCursor(string? cursor, string scope, out (DateTime Starts, Guid Id) after)
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
            DateTimeStyles.None,
            out var starts
        );
        after = (DateTime.SpecifyKind(starts, DateTimeKind.Unspecified), id);
        return read;
    }
}

internal sealed class ListTimeOffHandler(IListTimeOffStore store, TimeProvider clock)
    : IQueryHandler<ListTimeOffQuery, Page<TimeOffItem>>
{
    public async ValueTask<Page<TimeOffItem>> Handle(ListTimeOffQuery query, CancellationToken ct)
    {
        var timeZone = await store.TimeZoneOfAsync(query.DoctorId, ct)
            ?? throw new NotFoundException("doctor", query.DoctorId);

        var today = DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime
        );
        var from = ListTimeOffValidator.TryParseDate(query.From, out var first) ? first : today;
        DateTime? to = ListTimeOffValidator.TryParseDate(query.To, out var last)
            ? last.AddDays(1).ToDateTime(TimeOnly.MinValue)
            : null;
        var scope = ListTimeOffValidator.ScopeOf(query);
        (DateTime, Guid)? after = ListTimeOffValidator.TryDecodeCursor(query.Cursor, scope, out var cursor)
            ? cursor
            : null;
        var limit = query.Limit ?? Paging.MaxLimit;

        var rows = await store.ListAsync(query.DoctorId, from.ToDateTime(TimeOnly.MinValue), to, after, limit + 1, ct);
        var items = rows.Take(limit)
            .Select(r => new TimeOffItem(
                r.Id,
                query.DoctorId,
                WallClock.FormatDateTime(r.Starts),
                WallClock.FormatDateTime(r.Ends),
                r.Reason,
                timeZone
            ))
            .ToList();
        var next =
            rows.Count > limit
                ? Paging.EncodeCursor(
                    scope,
                    rows[limit - 1].Starts.ToString(ListTimeOffValidator.SortKeyFormat, CultureInfo.InvariantCulture),
                    rows[limit - 1].Id
                )
                : null;
        return new Page<TimeOffItem>(items, next);
    }
}

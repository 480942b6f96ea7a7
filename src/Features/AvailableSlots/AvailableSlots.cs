using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Features.AvailableSlots;

/// <summary>
/// A doctor's free slots in a window. <c>Date</c> asks for one day; <c>From</c>/<c>To</c> for a range of up to
/// 31 days, each either a calendar date in the doctor's zone (To inclusive) or an instant with an offset
/// (To exclusive). Without any, the next seven days.
/// </summary>
public sealed record AvailableSlotsQuery(Guid DoctorId, string? From = null, string? To = null, string? Date = null)
    : IQuery<AvailableSlotsResult>;

public sealed record AvailableSlotsResult(
    Guid DoctorId,
    string TimeZone,
    int SlotMinutes,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<Slot> Slots
);

internal sealed class AvailableSlotsValidator : AbstractValidator<AvailableSlotsQuery>
{
    public AvailableSlotsValidator()
    {
        RuleFor(q => q.DoctorId).NotEmpty();
        RuleFor(q => q.Date)
            .Must(d => d is null || WindowBound.TryParse(d, out var b) && b.Date is not null)
            .WithMessage("Use a calendar date such as 2026-03-30, between the years 1900 and 2999.");
        RuleFor(q => q.Date)
            .Null()
            .When(q => q.From is not null || q.To is not null)
            .WithMessage("Give either date, or from and to, not both.");
        RuleFor(q => q.From).Must(BeABound).WithMessage(WindowBound.FormatHelp);
        RuleFor(q => q.To).Must(BeABound).WithMessage(WindowBound.FormatHelp);
    }

    private static bool BeABound(string? text) => text is null || WindowBound.TryParse(text, out _);
}

internal sealed class AvailableSlotsHandler(
    IAvailableSlotsStore store,
    TimeProvider clock,
    IOptions<BookingOptions> options
) : IQueryHandler<AvailableSlotsQuery, AvailableSlotsResult>
{
    public const int MaxDays = 31;

    public async ValueTask<AvailableSlotsResult> Handle(AvailableSlotsQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now.AddDays(options.Value.HorizonDays);
        var (from, to) = ParseWindow(query);

        // The window is fixed once the doctor's zone is known, so read what it can cover in any zone; nothing before
        // now or beyond the booking horizon is free, so nothing there is worth reading.
        var readFrom = Max(from.Earliest(now), now);
        var readTo = Max(readFrom, Min(to.Latest(now), horizon));
        var basis = await store.ReadAsync(query.DoctorId, readFrom, readTo, ct);
        if (basis is not { Doctor: { IsActive: true } doctor })
        {
            // An inactive doctor keeps their record, which staff can still read, but is not bookable: say which.
            throw basis?.Doctor is null
                ? new NotFoundException("doctor", query.DoctorId)
                : new NotFoundException("doctor", $"The doctor {query.DoctorId} is not taking bookings.");
        }

        var zone = doctor.Schedule.Zone;
        var start = from?.StartIn(zone) ?? now;
        var end = to?.EndIn(zone) ?? start.AddDays(7);
        if (end <= start)
        {
            throw Rule.Broken("to", "The end of the window must come after its start.");
        }

        if (end - start > TimeSpan.FromDays(MaxDays))
        {
            throw Rule.Broken("to", $"Ask for at most {MaxDays} days at a time.");
        }

        var bookable = (From: Max(start, now), To: Min(end, horizon));
        IReadOnlyList<Slot> slots =
            bookable.From < bookable.To
                ? SlotCalendar.FreeSlots(doctor.Schedule, bookable.From, bookable.To, now, basis.Busy)
                : [];

        return new AvailableSlotsResult(
            doctor.Id,
            doctor.TimeZone,
            (int)doctor.Schedule.SlotLength.TotalMinutes,
            TimeZoneInfo.ConvertTime(start, zone),
            TimeZoneInfo.ConvertTime(end, zone),
            slots
        );
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static (WindowBound? From, WindowBound? To) ParseWindow(AvailableSlotsQuery query)
    {
        if (query.Date is not null)
        {
            WindowBound.TryParse(query.Date, out var day);
            return (day, day);
        }

        WindowBound? from = query.From is null ? null : WindowBound.Parse(query.From);
        WindowBound? to = query.To is null ? null : WindowBound.Parse(query.To);
        return (from, to);
    }
}

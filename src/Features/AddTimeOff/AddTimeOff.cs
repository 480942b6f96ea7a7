using System.Text.Json.Serialization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.AddTimeOff;

/// <summary>
/// Records leave or a holiday: <c>Starts</c> and <c>Ends</c> (exclusive) are wall-clock "yyyy-MM-ddTHH:mm" in the
/// doctor's zone. Future booked appointments it covers are listed: refused with 409 unless <c>Confirm</c> is true.
/// </summary>
public sealed record AddTimeOffCommand(
    [property: JsonIgnore] Guid DoctorId,
    string Starts,
    string Ends,
    string? Reason = null,
    bool Confirm = false
) : ICommand<AddedTimeOff>;

public sealed record AddedTimeOff(
    Guid Id,
    Guid DoctorId,
    string Starts,
    string Ends,
    string? Reason,
    string TimeZone,
    IReadOnlyList<AffectedAppointment> AffectedAppointments
);

internal sealed class AddTimeOffValidator : AbstractValidator<AddTimeOffCommand>
{
    public AddTimeOffValidator()
    {
        RuleFor(c => c.DoctorId).NotEmpty();
        RuleFor(c => c.Starts).Must(s => WallClock.TryParseDateTime(s, out _)).WithMessage(WallClock.DateTimeHelp);
        RuleFor(c => c.Ends)
            .Must(s => WallClock.TryParseDateTime(s, out _))
            .WithMessage(WallClock.DateTimeHelp)
            .Must((c, ends) => EndsAfterStarts(c.Starts, ends))
            .WithMessage(c => $"The end must come after the start ({c.Starts}).");
        RuleFor(c => c.Reason)
            .MaximumLength(200)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'Reason' must not contain control characters.");
    }

    // Only when both are readable; an unreadable one has its own message.
    private static bool EndsAfterStarts(string? starts, string? ends) =>
        !WallClock.TryParseDateTime(starts, out var from) || !WallClock.TryParseDateTime(ends, out var to) || to > from;
}

internal sealed class AddTimeOffHandler(
    IDoctorLocks locks,
    IAddTimeOffStore store,
    TimeProvider clock,
    ILogger<AddTimeOffHandler> logger
) : ICommandHandler<AddTimeOffCommand, AddedTimeOff>
{
    public async ValueTask<AddedTimeOff> Handle(AddTimeOffCommand command, CancellationToken ct)
    {
        await using var locked = await locks.LockAsync(command.DoctorId, clock.GetUtcNow(), ct)
            ?? throw new NotFoundException("doctor", command.DoctorId);

        WallClock.TryParseDateTime(command.Starts, out var starts);
        WallClock.TryParseDateTime(command.Ends, out var ends);
        var before = locked.Doctor.Schedule;
        var after = before with { TimeOff = [.. before.TimeOff, new TimeOff(starts, ends)] };
        var affected = AffectedAppointments.Of(before, after, locked.FutureAppointments);
        AffectedAppointments.RequireConfirmation(affected, command.Confirm, "This time off");

        var timeOff = new AddedTimeOff(
            Guid.CreateVersion7(),
            command.DoctorId,
            WallClock.FormatDateTime(starts),
            WallClock.FormatDateTime(ends),
            TextRules.BlankToNull(command.Reason),
            locked.Doctor.TimeZone,
            affected
        );
        await store.InsertAsync(locked, timeOff, starts, ends, ct);
        await locked.CommitAsync(ct);

        logger.LogInformation(
            "Added time off {TimeOffId} for doctor {DoctorId} from {Starts} to {Ends}; "
                + "{AffectedCount} appointments affected",
            timeOff.Id,
            timeOff.DoctorId,
            timeOff.Starts,
            timeOff.Ends,
            affected.Count
        );
        return timeOff;
    }
}

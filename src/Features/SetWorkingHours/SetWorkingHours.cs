using System.Text.Json.Serialization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.SetWorkingHours;

/// <summary>
/// Replaces a doctor's whole week of working hours. Future booked appointments the new week leaves off the grid
/// are listed: refused with 409 unless <c>Confirm</c> is true. An empty week means the doctor takes no bookings.
/// </summary>
public sealed record SetWorkingHoursCommand(
    [property: JsonIgnore] Guid DoctorId,
    IReadOnlyList<WorkingInterval> WorkingHours,
    bool Confirm = false
) : ICommand<WorkingHoursSet>;

public sealed record WorkingHoursSet(
    Guid DoctorId,
    IReadOnlyList<WorkingHoursItem> WorkingHours,
    IReadOnlyList<AffectedAppointment> AffectedAppointments
);

internal sealed class SetWorkingHoursValidator : AbstractValidator<SetWorkingHoursCommand>
{
    public SetWorkingHoursValidator()
    {
        RuleFor(c => c.DoctorId).NotEmpty();
        RuleFor(c => c.WorkingHours).NotNull().WithMessage("Give the whole week, [] for none.");
        RuleFor(c => c.WorkingHours)
            .Custom((week, context) => WeeklyHours.Check(week, context, nameof(SetWorkingHoursCommand.WorkingHours)));
    }
}

internal sealed class SetWorkingHoursHandler(
    IDoctorLocks locks,
    ISetWorkingHoursStore store,
    TimeProvider clock,
    ILogger<SetWorkingHoursHandler> logger
) : ICommandHandler<SetWorkingHoursCommand, WorkingHoursSet>
{
    public async ValueTask<WorkingHoursSet> Handle(SetWorkingHoursCommand command, CancellationToken ct)
    {
        await using var locked = await locks.LockAsync(command.DoctorId, clock.GetUtcNow(), ct)
            ?? throw new NotFoundException("doctor", command.DoctorId);

        var hours = WeeklyHours.Parse(command.WorkingHours);
        var before = locked.Doctor.Schedule;
        var affected = AffectedAppointments.Of(before, before with { Hours = hours }, locked.FutureAppointments);
        AffectedAppointments.RequireConfirmation(affected, command.Confirm, "The new working hours");

        var week = WeeklyHours.ToItems(hours);
        await store.ReplaceAsync(locked, command.DoctorId, week, ct);
        await locked.CommitAsync(ct);

        logger.LogInformation(
            "Set the working hours of doctor {DoctorId}: {IntervalCount} intervals; "
                + "{AffectedCount} appointments affected",
            command.DoctorId,
            week.Count,
            affected.Count
        );
        return new WorkingHoursSet(command.DoctorId, week, affected);
    }
}

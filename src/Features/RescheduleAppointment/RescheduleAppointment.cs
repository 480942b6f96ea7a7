using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Features.RescheduleAppointment;

/// <summary>
/// Moves a scheduled appointment that has not started to another free slot of the same doctor, in one atomic
/// change: it either moves or stays exactly as it was. The new start passes the same rules as a booking.
/// Moving it to the start it already has changes nothing and answers as a success.
/// </summary>
public sealed record RescheduleAppointmentCommand(Guid AppointmentId, DateTimeOffset StartsAt, Actor Actor)
    : ICommand<AppointmentDetails>;

internal sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointmentCommand>
{
    public RescheduleAppointmentValidator()
    {
        RuleFor(c => c.AppointmentId).NotEmpty();
        RuleFor(c => c.StartsAt)
            .NotEqual(default(DateTimeOffset))
            .WithMessage("'Starts At' must be given.")
            .Must(Instants.IsPlausible)
            .WithMessage(Instants.PlausibleHelp);
        RuleFor(c => c.Actor.Value).NotEmpty().OverridePropertyName("actor");
    }
}

internal sealed class RescheduleAppointmentHandler(
    IRescheduleAppointmentStore store,
    IGetAppointmentStore appointments,
    IDoctorScheduleStore schedules,
    TimeProvider clock,
    IOptions<BookingOptions> options,
    ILogger<RescheduleAppointmentHandler> logger
) : ICommandHandler<RescheduleAppointmentCommand, AppointmentDetails>
{
    public async ValueTask<AppointmentDetails> Handle(RescheduleAppointmentCommand command, CancellationToken ct)
    {
        var id = command.AppointmentId;
        var now = clock.GetUtcNow();
        var current = await appointments.FindAsync(id, ct) ?? throw new NotFoundException("appointment", id);
        CheckMovable(current, now);
        if (current.StartsAt == command.StartsAt)
        {
            return current;
        }

        BookableStart.CheckWithinHorizon(command.StartsAt, now, options.Value.HorizonDays);
        var doctor = await schedules.FindAsync(current.DoctorId, command.StartsAt, command.StartsAt, ct);
        if (doctor is null || !doctor.IsActive)
        {
            throw Rule.Broken("startsAt", "The doctor no longer takes bookings; the appointment cannot move.");
        }

        BookableStart.CheckOnGrid(doctor.Schedule, command.StartsAt);

        var move = new AppointmentMove(
            id,
            current.DoctorId,
            command.StartsAt,
            command.StartsAt + doctor.Schedule.SlotLength
        );
        if (!await store.MoveAsync(move, command.Actor, now, ct))
        {
            // Cancelled, given an outcome or started since it was read: explain with what it is now.
            var changed = await appointments.FindAsync(id, ct) ?? throw new NotFoundException("appointment", id);
            CheckMovable(changed, now);
            throw AppointmentConflicts.Status(changed.Status, "The appointment changed meanwhile; try again.");
        }

        logger.LogInformation(
            "Rescheduled appointment {AppointmentId} from {PreviousStartsAt} to {StartsAt} by {Actor}",
            id,
            current.StartsAt,
            command.StartsAt,
            command.Actor.Value
        );
        return await appointments.FindAsync(id, ct) ?? throw new NotFoundException("appointment", id);
    }

    private static void CheckMovable(AppointmentDetails appointment, DateTimeOffset now)
    {
        if (appointment.Status != AppointmentStatus.Scheduled)
        {
            throw AppointmentConflicts.Status(
                appointment.Status,
                $"The appointment is {appointment.Status}; only a scheduled appointment can be moved."
            );
        }

        if (appointment.StartsAt <= now)
        {
            throw AppointmentConflicts.Status(
                appointment.Status,
                "The appointment has already started and can no longer be moved."
            );
        }
    }
}

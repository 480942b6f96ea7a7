using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.CancelAppointment;

/// <summary>
/// Cancels a scheduled appointment that has not started yet; its slot is free again at once.
/// <c>Actor</c> says who cancels, for the history.
/// </summary>
public sealed record CancelAppointmentCommand(Guid AppointmentId, string? Reason, Actor Actor)
    : ICommand<AppointmentDetails>;

internal sealed class CancelAppointmentValidator : AbstractValidator<CancelAppointmentCommand>
{
    public CancelAppointmentValidator()
    {
        RuleFor(c => c.AppointmentId).NotEmpty();
        RuleFor(c => c.Reason)
            .MaximumLength(500)
            .Must(TextRules.IsFreeText)
            .WithMessage("'Reason' may hold line breaks but no other control characters.");
        RuleFor(c => c.Actor.Value).NotEmpty().OverridePropertyName("actor");
    }
}

internal sealed class CancelAppointmentHandler(
    ICancelAppointmentStore store,
    IGetAppointmentStore appointments,
    TimeProvider clock,
    ILogger<CancelAppointmentHandler> logger
) : ICommandHandler<CancelAppointmentCommand, AppointmentDetails>
{
    public async ValueTask<AppointmentDetails> Handle(CancelAppointmentCommand command, CancellationToken ct)
    {
        var id = command.AppointmentId;
        var cancelled = await store.CancelAsync(
            id,
            TextRules.BlankToNull(command.Reason),
            command.Actor,
            clock.GetUtcNow(),
            ct
        );
        var current = await appointments.FindAsync(id, ct) ?? throw new NotFoundException("appointment", id);
        if (!cancelled)
        {
            throw current.Status == AppointmentStatus.Scheduled
                ? AppointmentConflicts.Status(
                    current.Status,
                    "The appointment has already started and can no longer be cancelled; record its outcome instead."
                )
                : AppointmentConflicts.Status(
                    current.Status,
                    $"The appointment is {current.Status}; only a scheduled appointment can be cancelled."
                );
        }

        logger.LogInformation("Cancelled appointment {AppointmentId} by {Actor}", id, command.Actor.Value);
        return current;
    }
}

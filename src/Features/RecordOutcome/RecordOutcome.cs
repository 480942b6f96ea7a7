using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.RecordOutcome;

/// <summary>
/// Records whether a scheduled appointment took place: <c>Completed</c> or <c>NoShow</c> (any letter case), once it
/// has started. An outcome is final.
/// </summary>
public sealed record RecordOutcomeCommand(Guid AppointmentId, string Outcome, Actor Actor)
    : ICommand<AppointmentDetails>;

internal sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcomeCommand>
{
    private static readonly string[] Outcomes = [AppointmentStatus.Completed, AppointmentStatus.NoShow];

    public RecordOutcomeValidator()
    {
        RuleFor(c => c.AppointmentId).NotEmpty();
        RuleFor(c => c.Outcome)
            .Must(o => Outcomes.Contains(AppointmentStatus.Find(o)))
            .WithMessage("'Outcome' must be Completed or NoShow.");
        RuleFor(c => c.Actor.Value).NotEmpty().OverridePropertyName("actor");
    }
}

internal sealed class RecordOutcomeHandler(
    IRecordOutcomeStore store,
    IGetAppointmentStore appointments,
    TimeProvider clock,
    ILogger<RecordOutcomeHandler> logger
) : ICommandHandler<RecordOutcomeCommand, AppointmentDetails>
{
    public async ValueTask<AppointmentDetails> Handle(RecordOutcomeCommand command, CancellationToken ct)
    {
        var id = command.AppointmentId;
        var outcome = AppointmentStatus.Find(command.Outcome)!;
        var recorded = await store.RecordAsync(id, outcome, command.Actor, clock.GetUtcNow(), ct);
        var current = await appointments.FindAsync(id, ct) ?? throw new NotFoundException("appointment", id);
        if (!recorded)
        {
            throw current.Status == AppointmentStatus.Scheduled
                ? AppointmentConflicts.Status(
                    current.Status,
                    "The appointment has not started yet; its outcome can be recorded once it has."
                )
                : AppointmentConflicts.Status(
                    current.Status,
                    $"The appointment is already {current.Status}; only a scheduled appointment can get an outcome."
                );
        }

        logger.LogInformation(
            "Recorded outcome {Outcome} for appointment {AppointmentId} by {Actor}",
            outcome,
            id,
            command.Actor.Value
        );
        return current;
    }
}

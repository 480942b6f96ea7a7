using AppointmentSlices.Features.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.ErasePatient;

/// <summary>
/// Erases a patient on their request: anonymises them, cancels their future scheduled appointments (freeing
/// the slots), and blanks the free text of all their appointments. Past appointments and every appointment's
/// history stay, so the clinic's records remain whole. Erasing again changes nothing. <c>Actor</c> says who erases
/// them, for the history and the audit log (the API by default).
/// </summary>
public sealed record ErasePatientCommand(Guid PatientId, Actor? Actor = null) : ICommand<PatientErasure>;

/// <summary>When the patient was erased, and how many future appointments this request cancelled.</summary>
public sealed record PatientErasure(
    Guid PatientId,
    DateTimeOffset ErasedAt,
    int CancelledAppointments,
    bool WasErasedBefore
);

internal sealed class ErasePatientHandler(
    IErasePatientStore store,
    TimeProvider clock,
    ILogger<ErasePatientHandler> logger
) : ICommandHandler<ErasePatientCommand, PatientErasure>
{
    public async ValueTask<PatientErasure> Handle(ErasePatientCommand command, CancellationToken ct)
    {
        var erasure = await store.EraseAsync(command.PatientId, clock.GetUtcNow(), command.Actor ?? Actor.Api, ct)
            ?? throw new NotFoundException("patient", command.PatientId);

        if (!erasure.WasErasedBefore)
        {
            logger.LogInformation(
                "Erased patient {PatientId} and cancelled {CancelledAppointments} future appointments",
                erasure.PatientId,
                erasure.CancelledAppointments
            );
        }

        return erasure;
    }
}

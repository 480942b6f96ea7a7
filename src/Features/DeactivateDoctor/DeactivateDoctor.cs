using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.DeactivateDoctor;

/// <summary>
/// Stops a doctor taking bookings: they leave the doctor search and their slots. Every future booked appointment
/// is affected, so with any of them the change is refused with 409 unless <c>Confirm</c> is true. Deactivating an
/// inactive doctor changes nothing and lists nothing.
/// </summary>
public sealed record DeactivateDoctorCommand(Guid DoctorId, bool Confirm = false)
    : ICommand<DoctorDeactivated>,
        IChangesDoctorList;

public sealed record DoctorDeactivated(
    Guid DoctorId,
    bool IsActive,
    IReadOnlyList<AffectedAppointment> AffectedAppointments
);

internal sealed class DeactivateDoctorHandler(
    IDoctorLocks locks,
    IDeactivateDoctorStore store,
    TimeProvider clock,
    ILogger<DeactivateDoctorHandler> logger
) : ICommandHandler<DeactivateDoctorCommand, DoctorDeactivated>
{
    public async ValueTask<DoctorDeactivated> Handle(DeactivateDoctorCommand command, CancellationToken ct)
    {
        await using var locked = await locks.LockAsync(command.DoctorId, clock.GetUtcNow(), ct)
            ?? throw new NotFoundException("doctor", command.DoctorId);
        if (!locked.Doctor.IsActive)
        {
            return new DoctorDeactivated(command.DoctorId, IsActive: false, []);
        }

        var affected = AffectedAppointments.InZone(locked.FutureAppointments, locked.Doctor.Schedule.Zone);
        AffectedAppointments.RequireConfirmation(affected, command.Confirm, "Deactivating the doctor");

        await store.DeactivateAsync(locked, command.DoctorId, ct);
        await locked.CommitAsync(ct);

        logger.LogInformation(
            "Deactivated doctor {DoctorId}; {AffectedCount} appointments affected",
            command.DoctorId,
            affected.Count
        );
        return new DoctorDeactivated(command.DoctorId, IsActive: false, affected);
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;

namespace AppointmentSlices.Features.DeactivateDoctor;

internal interface IDeactivateDoctorStore
{
    /// <summary>Marks the doctor inactive inside the locked change; the caller commits.</summary>
    Task DeactivateAsync(LockedDoctor locked, Guid doctorId, CancellationToken ct);
}

internal sealed class PostgresDeactivateDoctorStore : IDeactivateDoctorStore, IPostgresStore
{
    private const string Sql = "UPDATE doctors SET is_active = false WHERE id = @doctorId";

    public Task DeactivateAsync(LockedDoctor locked, Guid doctorId, CancellationToken ct) =>
        ((PostgresLockedDoctor)locked).ExecuteAsync(Sql, new { doctorId }, ct);
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;

namespace AppointmentSlices.Features.UpdateDoctor;

internal interface IUpdateDoctorStore
{
    /// <summary>Writes the doctor's new details inside the locked change; the caller commits.</summary>
    Task UpdateAsync(LockedDoctor locked, UpdatedDoctor doctor, CancellationToken ct);
}

internal sealed class PostgresUpdateDoctorStore : IUpdateDoctorStore, IPostgresStore
{
    private const string Sql = """
        UPDATE doctors
        SET full_name = @FullName, specialty = @Specialty, time_zone = @TimeZone, slot_minutes = @SlotMinutes
        WHERE id = @Id
        """;

    public Task UpdateAsync(LockedDoctor locked, UpdatedDoctor doctor, CancellationToken ct) =>
        ((PostgresLockedDoctor)locked).ExecuteAsync(Sql, doctor, ct);
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;

namespace AppointmentSlices.Features.AddTimeOff;

internal interface IAddTimeOffStore
{
    /// <summary>Stores the time off inside the locked change; the caller commits.</summary>
    Task InsertAsync(LockedDoctor locked, AddedTimeOff timeOff, DateTime starts, DateTime ends, CancellationToken ct);
}

internal sealed class PostgresAddTimeOffStore : IAddTimeOffStore, IPostgresStore
{
    private const string Sql = """
        INSERT INTO time_off (id, doctor_id, starts_at, ends_at, reason)
        VALUES (@Id, @DoctorId, @starts, @ends, @Reason)
        """;

    public Task InsertAsync(
        LockedDoctor locked,
        AddedTimeOff timeOff,
        DateTime starts,
        DateTime ends,
        CancellationToken ct
    ) =>
        ((PostgresLockedDoctor)locked).ExecuteAsync(
            Sql,
            new
            {
                timeOff.Id,
                timeOff.DoctorId,
                starts,
                ends,
                timeOff.Reason,
            },
            ct
        );
}

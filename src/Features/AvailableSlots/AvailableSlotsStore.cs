using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.AvailableSlots;

/// <summary>What a doctor's free slots are computed from: their schedule and the time their appointments take.</summary>
internal sealed record SlotsBasis(
    ScheduledDoctor Doctor,
    IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)> Busy
);

internal interface IAvailableSlotsStore
{
    /// <summary>
    /// The doctor with their hours and the time off touching [from, to], and the intervals their active appointments
    /// occupy in [from, to); null when there is no such doctor.
    /// </summary>
    Task<SlotsBasis?> ReadAsync(Guid doctorId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <summary>The schedule and the busy intervals in one round trip.</summary>
internal sealed class PostgresAvailableSlotsStore(NpgsqlDataSource db) : IAvailableSlotsStore, IPostgresStore
{
    // Written as the exclusion constraint's own expression, so its GiST index answers it. Read after the schedule.
    private const string BusySql = """
        SELECT starts_at AS Starts, ends_at AS Ends
        FROM appointments
        WHERE doctor_id = @doctorId
          AND status <> 'Cancelled'
          AND tstzrange(starts_at, ends_at) && tstzrange(@busyFrom, @busyTo)
        ORDER BY starts_at
        """;

    public async Task<SlotsBasis?> ReadAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var (doctor, busy) = await PostgresDoctorScheduleStore.ReadThenAsync(
            connection,
            null,
            doctorId,
            from,
            to,
            BusySql,
            new { busyFrom = from.UtcDateTime, busyTo = to.UtcDateTime },
            results => results.ReadAsync<Row>(),
            ct
        );
        return doctor is null
            ? null
            : new SlotsBasis(
                doctor,
                busy!.Select(r => (new DateTimeOffset(r.Starts), new DateTimeOffset(r.Ends))).ToList()
            );
    }

    private sealed record Row(DateTime Starts, DateTime Ends);
}

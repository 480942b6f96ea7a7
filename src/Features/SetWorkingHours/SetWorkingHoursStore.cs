using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Scheduling;

namespace AppointmentSlices.Features.SetWorkingHours;

internal interface ISetWorkingHoursStore
{
    /// <summary>Replaces the doctor's week inside the locked change; the caller commits.</summary>
    Task ReplaceAsync(LockedDoctor locked, Guid doctorId, IReadOnlyList<WorkingHoursItem> week, CancellationToken ct);
}

internal sealed class PostgresSetWorkingHoursStore : ISetWorkingHoursStore, IPostgresStore
{
    private const string DeleteSql = "DELETE FROM working_hours WHERE doctor_id = @doctorId";

    // Times travel as "HH:mm" text: a time column takes "24:00", which a TimeSpan parameter could not say.
    private const string InsertSql = """
        INSERT INTO working_hours (doctor_id, day_of_week, starts_at, ends_at)
        VALUES (@DoctorId, @Day, @Starts::time, @Ends::time)
        """;

    public async Task ReplaceAsync(
        LockedDoctor locked,
        Guid doctorId,
        IReadOnlyList<WorkingHoursItem> week,
        CancellationToken ct
    )
    {
        await ((PostgresLockedDoctor)locked).ExecuteAsync(DeleteSql, new { doctorId }, ct);
        var rows = week.Select(h => new
        {
            DoctorId = doctorId,
            Day = (short)h.Day,
            h.Starts,
            h.Ends,
        });
        await ((PostgresLockedDoctor)locked).ExecuteAsync(InsertSql, rows, ct);
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.CreateDoctor;

internal interface ICreateDoctorStore
{
    /// <summary>Stores the doctor and their weekly hours atomically.</summary>
    Task InsertAsync(DoctorDetails doctor, CancellationToken ct);
}

internal sealed class PostgresCreateDoctorStore(NpgsqlDataSource db) : ICreateDoctorStore, IPostgresStore
{
    private const string InsertDoctorSql = """
        INSERT INTO doctors (id, full_name, specialty, time_zone, slot_minutes, is_active)
        VALUES (@Id, @FullName, @Specialty, @TimeZone, @SlotMinutes, true)
        """;

    // Times travel as "HH:mm" text: a time column takes "24:00", which a TimeSpan parameter could not say.
    private const string InsertHoursSql = """
        INSERT INTO working_hours (doctor_id, day_of_week, starts_at, ends_at)
        VALUES (@DoctorId, @Day, @Starts::time, @Ends::time)
        """;

    public async Task InsertAsync(DoctorDetails doctor, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(
            new CommandDefinition(InsertDoctorSql, doctor, transaction, cancellationToken: ct)
        );

        var hours = doctor.WorkingHours.Select(h => new
        {
            DoctorId = doctor.Id,
            Day = (short)h.Day,
            h.Starts,
            h.Ends,
        });
        await connection.ExecuteAsync(new CommandDefinition(InsertHoursSql, hours, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }
}

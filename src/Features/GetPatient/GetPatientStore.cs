using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.GetPatient;

internal interface IGetPatientStore
{
    Task<PatientDetails?> FindAsync(Guid patientId, CancellationToken ct);

    /// <summary>The patient's appointments, newest first, after <paramref name="after"/> when given.</summary>
    Task<IReadOnlyList<PatientAppointment>> ListAppointmentsAsync(
        Guid patientId,
        AppointmentKey? after,
        int take,
        CancellationToken ct
    );
}

internal sealed class PostgresGetPatientStore(NpgsqlDataSource db) : IGetPatientStore, IPostgresStore
{
    private const string PatientSql = $"SELECT {PatientRow.Columns} FROM patients WHERE id = @patientId";

    // Newest first with the id as tie-break: a total order, so the keyset never repeats or skips one.
    private const string AppointmentsSql = """
        SELECT a.id AS Id, a.doctor_id AS DoctorId, d.full_name AS DoctorName, d.specialty AS Specialty,
               a.starts_at AS StartsAt, a.ends_at AS EndsAt, d.time_zone AS TimeZone, a.status AS Status,
               a.reason AS Reason
        FROM appointments a
        JOIN doctors d ON d.id = a.doctor_id
        WHERE a.patient_id = @patientId
          AND (@afterStartsAt::timestamptz IS NULL OR (a.starts_at, a.id) < (@afterStartsAt, @afterId))
        ORDER BY a.starts_at DESC, a.id DESC
        LIMIT @take
        """;

    public async Task<PatientDetails?> FindAsync(Guid patientId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<PatientRow>(
            new CommandDefinition(PatientSql, new { patientId }, cancellationToken: ct)
        );
        return row?.ToDetails();
    }

    public async Task<IReadOnlyList<PatientAppointment>> ListAppointmentsAsync(
        Guid patientId,
        AppointmentKey? after,
        int take,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            patientId,
            afterStartsAt = after?.StartsAt.UtcDateTime,
            afterId = after?.Id ?? Guid.Empty,
            take,
        };

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(
            new CommandDefinition(AppointmentsSql, parameters, cancellationToken: ct)
        );
        return rows.Select(r =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone);
                return new PatientAppointment(
                    r.Id,
                    r.DoctorId,
                    r.DoctorName,
                    r.Specialty,
                    TimeZoneInfo.ConvertTime(new DateTimeOffset(r.StartsAt), zone),
                    TimeZoneInfo.ConvertTime(new DateTimeOffset(r.EndsAt), zone),
                    r.TimeZone,
                    r.Status,
                    r.Reason
                );
            })
            .ToList();
    }

    private sealed record Row(
        Guid Id,
        Guid DoctorId,
        string DoctorName,
        string Specialty,
        DateTime StartsAt,
        DateTime EndsAt,
        string TimeZone,
        string Status,
        string Reason
    );
}

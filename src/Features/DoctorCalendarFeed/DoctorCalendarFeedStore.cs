using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.DoctorCalendarFeed;

internal sealed record FeedDoctor(Guid Id, string FullName, string TimeZone);

internal sealed record FeedAppointment(
    Guid Id,
    string PatientName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Status,
    int Sequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
);

internal interface IDoctorCalendarFeedStore
{
    Task<FeedDoctor?> FindDoctorAsync(Guid doctorId, CancellationToken ct);

    /// <summary>The doctor's Scheduled and Completed appointments that start in [from, to], in start order.</summary>
    Task<IReadOnlyList<FeedAppointment>> ListAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    );
}

internal sealed class PostgresDoctorCalendarFeedStore(NpgsqlDataSource db) : IDoctorCalendarFeedStore, IPostgresStore
{
    private const string DoctorSql = """
        SELECT id AS Id, full_name AS FullName, time_zone AS TimeZone FROM doctors WHERE id = @doctorId
        """;

    // "status <> 'Cancelled'" and the range overlap match the doctor's exclusion constraint, whose GiST index
    // then answers the query; the start bounds keep the window exact.
    private const string AppointmentsSql = """
        SELECT a.id AS Id, p.full_name AS PatientName, a.starts_at AS StartsAt, a.ends_at AS EndsAt,
               a.status AS Status,
               (SELECT count(*) FROM appointment_events e
                WHERE e.appointment_id = a.id AND e.kind <> 'Booked')::int AS Sequence,
               a.created_at AS CreatedAt, a.updated_at AS UpdatedAt
        FROM appointments a
        JOIN patients p ON p.id = a.patient_id
        WHERE a.doctor_id = @doctorId
          AND a.status <> 'Cancelled'
          AND tstzrange(a.starts_at, a.ends_at) && tstzrange(@from, @to, '[]')
          AND a.status IN ('Scheduled', 'Completed')
          AND a.starts_at >= @from AND a.starts_at <= @to
        ORDER BY a.starts_at, a.id
        """;

    public async Task<FeedDoctor?> FindDoctorAsync(Guid doctorId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FeedDoctor>(
            new CommandDefinition(DoctorSql, new { doctorId }, cancellationToken: ct)
        );
    }

    public async Task<IReadOnlyList<FeedAppointment>> ListAsync(
        Guid doctorId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            doctorId,
            from = from.UtcDateTime,
            to = to.UtcDateTime,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(
            new CommandDefinition(AppointmentsSql, parameters, cancellationToken: ct)
        );
        return rows.Select(r => new FeedAppointment(
                r.Id,
                r.PatientName,
                new DateTimeOffset(r.StartsAt),
                new DateTimeOffset(r.EndsAt),
                r.Status,
                r.Sequence,
                new DateTimeOffset(r.CreatedAt),
                new DateTimeOffset(r.UpdatedAt)
            ))
            .ToList();
    }

    private sealed record Row(
        Guid Id,
        string PatientName,
        DateTime StartsAt,
        DateTime EndsAt,
        string Status,
        int Sequence,
        DateTime CreatedAt,
        DateTime UpdatedAt
    );
}

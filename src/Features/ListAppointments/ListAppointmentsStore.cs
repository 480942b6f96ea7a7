using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.ListAppointments;

internal sealed record AppointmentFilter(
    Guid? DoctorId,
    Guid? PatientId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Status
);

internal interface IListAppointmentsStore
{
    /// <summary>Up to <paramref name="take"/> appointments after the keyset, ordered by start then id.</summary>
    Task<IReadOnlyList<AppointmentListItem>> ListAsync(
        AppointmentFilter filter,
        (DateTimeOffset StartsAt, Guid Id)? after,
        int take,
        CancellationToken ct
    );
}

internal sealed class PostgresListAppointmentsStore(NpgsqlDataSource db) : IListAppointmentsStore, IPostgresStore
{
    // Ordered by start, then id: a total order, so the keyset never repeats or skips a row when others book.
    private const string Sql = """
        SELECT a.id AS Id, a.doctor_id AS DoctorId, d.full_name AS DoctorName, a.patient_id AS PatientId,
               p.full_name AS PatientName, a.starts_at AS StartsAt, a.ends_at AS EndsAt, d.time_zone AS TimeZone,
               a.status AS Status, a.reason AS Reason
        FROM appointments a
        JOIN doctors d ON d.id = a.doctor_id
        JOIN patients p ON p.id = a.patient_id
        WHERE (@doctorId::uuid IS NULL OR a.doctor_id = @doctorId)
          AND (@patientId::uuid IS NULL OR a.patient_id = @patientId)
          AND (@from::timestamptz IS NULL OR a.starts_at >= @from)
          AND (@to::timestamptz IS NULL OR a.starts_at < @to)
          AND (@status::text IS NULL OR a.status = @status)
          AND (@afterStartsAt::timestamptz IS NULL OR (a.starts_at, a.id) > (@afterStartsAt, @afterId))
        ORDER BY a.starts_at, a.id
        LIMIT @take
        """;

    public async Task<IReadOnlyList<AppointmentListItem>> ListAsync(
        AppointmentFilter filter,
        (DateTimeOffset StartsAt, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            doctorId = filter.DoctorId,
            patientId = filter.PatientId,
            from = filter.From?.UtcDateTime,
            to = filter.To?.UtcDateTime,
            status = filter.Status,
            afterStartsAt = after?.StartsAt.UtcDateTime,
            afterId = after?.Id ?? Guid.Empty,
            take,
        };

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, parameters, cancellationToken: ct));
        return rows.Select(r => r.ToItem()).ToList();
    }

    private sealed record Row(
        Guid Id,
        Guid DoctorId,
        string DoctorName,
        Guid PatientId,
        string PatientName,
        DateTime StartsAt,
        DateTime EndsAt,
        string TimeZone,
        string Status,
        string Reason
    )
    {
        public AppointmentListItem ToItem()
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
            return new AppointmentListItem(
                Id,
                DoctorId,
                DoctorName,
                PatientId,
                PatientName,
                TimeZoneInfo.ConvertTime(new DateTimeOffset(StartsAt), zone),
                TimeZoneInfo.ConvertTime(new DateTimeOffset(EndsAt), zone),
                TimeZone,
                Status,
                Reason
            );
        }
    }
}

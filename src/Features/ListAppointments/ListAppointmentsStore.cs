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
    private const string Select = """
        SELECT a.id AS Id, a.doctor_id AS DoctorId, d.full_name AS DoctorName, a.patient_id AS PatientId,
               p.full_name AS PatientName, a.starts_at AS StartsAt, a.ends_at AS EndsAt, d.time_zone AS TimeZone,
               a.status AS Status, a.reason AS Reason
        FROM appointments a
        JOIN doctors d ON d.id = a.doctor_id
        JOIN patients p ON p.id = a.patient_id
        """;

    private const string OfDoctor = "a.doctor_id = @doctorId";
    private const string OfPatient = "a.patient_id = @patientId";
    private const string StartsFrom = "a.starts_at >= @from";
    private const string StartsBefore = "a.starts_at < @to";
    private const string InStatus = "a.status = @status";
    private const string AfterKeyset = "(a.starts_at, a.id) > (@afterStartsAt, @afterId)";

    // Ordered by start, then id: a total order, so the keyset never repeats or skips a row when others book.
    private const string OrderAndLimit = "ORDER BY a.starts_at, a.id LIMIT @take";

    /// <summary>The statement for the filters given; the bench explains the very text the service sends.</summary>
    internal static string SqlFor(AppointmentFilter filter, bool after) =>
        $"""
            {Select}
            {SqlConditions.Where(
                filter.DoctorId is null ? null : OfDoctor,
                filter.PatientId is null ? null : OfPatient,
                filter.From is null ? null : StartsFrom,
                filter.To is null ? null : StartsBefore,
                filter.Status is null ? null : InStatus,
                after ? AfterKeyset : null
            )}
            {OrderAndLimit}
            """;

    public async Task<IReadOnlyList<AppointmentListItem>> ListAsync(
        AppointmentFilter filter,
        (DateTimeOffset StartsAt, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var sql = SqlFor(filter, after is not null);
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
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: ct));
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

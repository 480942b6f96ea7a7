using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.ListDoctors;

internal sealed record SortedDoctor(DoctorListItem Doctor, string SortKey);

internal interface IListDoctorsStore
{
    Task<IReadOnlyList<SortedDoctor>> ListAsync(
        string? specialty,
        string? name,
        (string Key, Guid Id)? after,
        bool includeInactive,
        int take,
        CancellationToken ct
    );
}

internal sealed class PostgresListDoctorsStore(NpgsqlDataSource db) : IListDoctorsStore, IPostgresStore
{
    // Ordered by the accent-free name, then id: a total order, so the keyset never repeats or skips a row.
    private const string Sql = """
        SELECT id AS Id, full_name AS FullName, specialty AS Specialty, time_zone AS TimeZone,
               slot_minutes AS SlotMinutes, is_active AS IsActive, search_name AS SortKey
        FROM doctors
        WHERE (is_active OR @includeInactive)
          AND (@specialty::text IS NULL OR search_specialty = search_key(@specialty))
          AND (@namePattern::text IS NULL OR search_name LIKE '%' || search_key(@namePattern) || '%')
          AND (@afterKey::text IS NULL OR (search_name, id) > (@afterKey, @afterId))
        ORDER BY search_name, id
        LIMIT @take
        """;

    public async Task<IReadOnlyList<SortedDoctor>> ListAsync(
        string? specialty,
        string? name,
        (string Key, Guid Id)? after,
        bool includeInactive,
        int take,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            specialty,
            namePattern = name is null ? null : TextRules.EscapeLike(name),
            afterKey = after?.Key,
            afterId = after?.Id ?? Guid.Empty,
            includeInactive,
            take,
        };

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, parameters, cancellationToken: ct));
        return rows.Select(r => new SortedDoctor(
                new DoctorListItem(r.Id, r.FullName, r.Specialty, r.TimeZone, r.SlotMinutes, r.IsActive),
                r.SortKey
            ))
            .ToList();
    }

    private sealed record Row(
        Guid Id,
        string FullName,
        string Specialty,
        string TimeZone,
        int SlotMinutes,
        bool IsActive,
        string SortKey
    );
}

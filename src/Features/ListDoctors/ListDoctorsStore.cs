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
    private const string Select = """
        SELECT id AS Id, full_name AS FullName, specialty AS Specialty, time_zone AS TimeZone,
               slot_minutes AS SlotMinutes, is_active AS IsActive, search_name AS SortKey
        FROM doctors
        """;

    private const string ActiveOnly = "is_active";
    private const string OfSpecialty = "search_specialty = search_key(@specialty)";
    private const string NameContains = "search_name LIKE '%' || search_key(@namePattern) || '%'";
    private const string AfterKeyset = "(search_name, id) > (@afterKey, @afterId)";

    // Ordered by the accent-free name, then id: a total order, so the keyset never repeats or skips a row.
    private const string OrderAndLimit = "ORDER BY search_name, id LIMIT @take";

    /// <summary>The statement for the filters given; the bench explains the very text the service sends.</summary>
    internal static string SqlFor(bool specialty, bool name, bool after, bool includeInactive) =>
        $"""
            {Select}
            {SqlConditions.Where(
                includeInactive ? null : ActiveOnly,
                specialty ? OfSpecialty : null,
                name ? NameContains : null,
                after ? AfterKeyset : null
            )}
            {OrderAndLimit}
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
        var sql = SqlFor(specialty is not null, name is not null, after is not null, includeInactive);
        var parameters = new
        {
            specialty,
            namePattern = name is null ? null : TextRules.EscapeLike(name),
            afterKey = after?.Key,
            afterId = after?.Id ?? Guid.Empty,
            take,
        };

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: ct));
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

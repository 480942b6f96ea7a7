using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.ListPatients;

internal sealed record SortedPatient(PatientListItem Patient, string SortKey);

internal interface IListPatientsStore
{
    Task<IReadOnlyList<SortedPatient>> ListAsync(
        PatientSearch search,
        (string Key, Guid Id)? after,
        int take,
        CancellationToken ct
    );
}

internal sealed class PostgresListPatientsStore(NpgsqlDataSource db) : IListPatientsStore, IPostgresStore
{
    // Ordered by the accent-free name, then id: a total order, so the keyset never repeats or skips a row.
    // The parameters are known when PostgreSQL plans the statement, so the arms not asked for fold away and
    // each remaining LIKE has a constant pattern a trigram (or, for the prefix, a btree) index can serve.
    internal const string Sql = """
        SELECT id AS Id, full_name AS FullName, email AS Email, phone AS Phone, search_name AS SortKey
        FROM patients
        WHERE erased_at IS NULL
          AND (@namePrefix::text IS NULL OR search_name LIKE search_key(@namePrefix) || '%')
          AND (@contains::text IS NULL
               OR search_name LIKE '%' || search_key(@contains) || '%'
               OR search_email LIKE '%' || lower(@contains) || '%'
               OR (@phoneDigits::text IS NOT NULL AND search_phone LIKE '%' || @phoneDigits || '%'))
          AND (@afterKey::text IS NULL OR (search_name, id) > (@afterKey, @afterId))
        ORDER BY search_name, id
        LIMIT @take
        """;

    public async Task<IReadOnlyList<SortedPatient>> ListAsync(
        PatientSearch search,
        (string Key, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(
            new CommandDefinition(Sql, Parameters(search, after, take), cancellationToken: ct)
        );
        return rows.Select(r => new SortedPatient(new PatientListItem(r.Id, r.FullName, r.Email, r.Phone), r.SortKey))
            .ToList();
    }

    internal static object Parameters(PatientSearch search, (string Key, Guid Id)? after, int take) =>
        new
        {
            namePrefix = search.NamePrefix is null ? null : TextRules.EscapeLike(search.NamePrefix),
            contains = search.Contains is null ? null : TextRules.EscapeLike(search.Contains),
            phoneDigits = search.PhoneDigits,
            afterKey = after?.Key,
            afterId = after?.Id ?? Guid.Empty,
            take,
        };

    private sealed record Row(Guid Id, string FullName, string Email, string Phone, string SortKey);
}

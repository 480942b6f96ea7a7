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
    private const string Select = """
        SELECT id AS Id, full_name AS FullName, email AS Email, phone AS Phone, search_name AS SortKey
        FROM patients
        """;

    private const string NotErased = "erased_at IS NULL";
    private const string NameStarts = "search_name LIKE search_key(@namePrefix) || '%'";

    // Each LIKE keeps its own index: a trigram index serves a substring of three characters or more.
    private const string NameOrEmailContains = """
        (search_name LIKE '%' || search_key(@contains) || '%'
               OR search_email LIKE '%' || lower(@contains) || '%')
        """;
    private const string NameEmailOrPhoneContains = """
        (search_name LIKE '%' || search_key(@contains) || '%'
               OR search_email LIKE '%' || lower(@contains) || '%'
               OR search_phone LIKE '%' || @phoneDigits || '%')
        """;
    private const string AfterKeyset = "(search_name, id) > (@afterKey, @afterId)";

    // Ordered by the accent-free name, then id: a total order, so the keyset never repeats or skips a row.
    private const string OrderAndLimit = "ORDER BY search_name, id LIMIT @take";

    /// <summary>The statement for the search given; the bench explains the very text the service sends.</summary>
    internal static string SqlFor(PatientSearch search, bool after) =>
        $"""
            {Select}
            {SqlConditions.Where(
                NotErased,
                search.NamePrefix is null ? null : NameStarts,
                search.Contains is null ? null
                    : search.PhoneDigits is null ? NameOrEmailContains
                    : NameEmailOrPhoneContains,
                after ? AfterKeyset : null
            )}
            {OrderAndLimit}
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
            new CommandDefinition(
                SqlFor(search, after is not null),
                Parameters(search, after, take),
                cancellationToken: ct
            )
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

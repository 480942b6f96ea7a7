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

    // One condition a word, each with its own parameter (word0, word1 …): a word anywhere in the name.
    private static readonly string[] NameHoldsWord = Enumerable
        .Range(0, PatientSearch.MostWords)
        .Select(i => $"search_name LIKE '%' || search_key(@word{i}) || '%'")
        .ToArray();

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
                search.NameWords is { Count: > 0 } words ? string.Join("\n  AND ", NameHoldsWord[..words.Count]) : null,
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
            word0 = Word(search, 0),
            word1 = Word(search, 1),
            word2 = Word(search, 2),
            word3 = Word(search, 3),
            word4 = Word(search, 4),
            afterKey = after?.Key,
            afterId = after?.Id ?? Guid.Empty,
            take,
        };

    private static string? Word(PatientSearch search, int index) =>
        search.NameWords is { } words && index < words.Count ? TextRules.EscapeLike(words[index]) : null;

    private sealed record Row(Guid Id, string FullName, string Email, string Phone, string SortKey);
}

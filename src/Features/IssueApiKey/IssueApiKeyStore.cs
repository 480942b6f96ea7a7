using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.IssueApiKey;

internal sealed record NewApiKey(Guid Id, string Name, byte[] KeyHash, Guid? IssuedBy, DateTimeOffset IssuedAt);

internal interface IIssueApiKeyStore
{
    Task InsertAsync(NewApiKey key, CancellationToken ct);
}

internal sealed class PostgresIssueApiKeyStore(NpgsqlDataSource db) : IIssueApiKeyStore, IPostgresStore
{
    private const string InsertSql = """
        INSERT INTO api_keys (id, name, key_hash, created_by, created_at)
        VALUES (@id, @name, @keyHash, @issuedBy, @now)
        """;

    public async Task InsertAsync(NewApiKey key, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = new
        {
            id = key.Id,
            name = key.Name,
            keyHash = key.KeyHash,
            issuedBy = key.IssuedBy,
            now = key.IssuedAt,
        };
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: ct));
    }
}

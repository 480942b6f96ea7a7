using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.FindApiKey;

internal interface IFindApiKeyStore
{
    /// <summary>The unrevoked key with this SHA-256, if any.</summary>
    Task<ApiKeyIdentity?> FindAsync(byte[] hash, CancellationToken ct);
}

internal sealed class PostgresFindApiKeyStore(NpgsqlDataSource db) : IFindApiKeyStore, IPostgresStore
{
    private const string Sql = """
        SELECT id AS Id, name AS Name FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL
        """;

    public async Task<ApiKeyIdentity?> FindAsync(byte[] hash, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyIdentity>(
            new CommandDefinition(Sql, new { hash }, cancellationToken: ct)
        );
    }
}

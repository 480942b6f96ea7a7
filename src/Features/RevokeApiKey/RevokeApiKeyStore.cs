using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.RevokeApiKey;

internal interface IRevokeApiKeyStore
{
    /// <summary>Revokes the key unless it already is; false when there is no key with this id.</summary>
    Task<bool> RevokeAsync(Guid id, DateTimeOffset now, CancellationToken ct);
}

internal sealed class PostgresRevokeApiKeyStore(NpgsqlDataSource db) : IRevokeApiKeyStore, IPostgresStore
{
    private const string RevokeSql = """
        UPDATE api_keys SET revoked_at = coalesce(revoked_at, @now) WHERE id = @id
        """;

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.ExecuteAsync(
            new CommandDefinition(RevokeSql, new { id, now }, cancellationToken: ct)
        );
        return rows > 0;
    }
}

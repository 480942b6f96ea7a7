using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.ListApiKeys;

internal interface IListApiKeysStore
{
    Task<IReadOnlyList<ApiKeyItem>> ListAsync(CancellationToken ct);
}

internal sealed class PostgresListApiKeysStore(NpgsqlDataSource db) : IListApiKeysStore, IPostgresStore
{
    private const string Sql = """
        SELECT k.id AS Id, k.name AS Name, s.display_name AS IssuedBy, k.created_at AS CreatedAt,
               k.revoked_at AS RevokedAt
        FROM api_keys k LEFT JOIN staff_users s ON s.id = k.created_by
        ORDER BY k.created_at DESC, k.id DESC
        """;

    public async Task<IReadOnlyList<ApiKeyItem>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ApiKeyItem>(new CommandDefinition(Sql, cancellationToken: ct))).ToList();
    }
}

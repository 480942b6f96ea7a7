using AppointmentSlices.Features.Common;
using Dapper;
using Mediator;
using Npgsql;

namespace AppointmentSlices.Features.FindApiKey;

/// <summary>The key a caller sent, if it was issued and not revoked; looked up by its SHA-256.</summary>
public sealed record FindApiKeyQuery(string Key) : IQuery<ApiKeyIdentity?>;

public sealed record ApiKeyIdentity(Guid Id, string Name);

internal sealed class FindApiKeyHandler(NpgsqlDataSource db) : IQueryHandler<FindApiKeyQuery, ApiKeyIdentity?>
{
    private const string Sql = """
        SELECT id AS Id, name AS Name FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL
        """;

    public async ValueTask<ApiKeyIdentity?> Handle(FindApiKeyQuery query, CancellationToken ct)
    {
        if (!ManageToken.IsWellFormed(query.Key))
        {
            return null;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyIdentity>(
            new CommandDefinition(Sql, new { hash = ManageToken.Hash(query.Key) }, cancellationToken: ct)
        );
    }
}

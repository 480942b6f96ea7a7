using Dapper;
using Mediator;
using Npgsql;

namespace AppointmentSlices.Features.ListApiKeys;

/// <summary>Every key issued, newest first, revoked ones too; never the key itself, which is not stored.</summary>
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyItem>>;

public sealed record ApiKeyItem(Guid Id, string Name, string? IssuedBy, DateTime CreatedAt, DateTime? RevokedAt);

internal sealed class ListApiKeysHandler(NpgsqlDataSource db)
    : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyItem>>
{
    private const string Sql = """
        SELECT k.id AS Id, k.name AS Name, s.display_name AS IssuedBy, k.created_at AS CreatedAt,
               k.revoked_at AS RevokedAt
        FROM api_keys k LEFT JOIN staff_users s ON s.id = k.created_by
        ORDER BY k.created_at DESC, k.id DESC
        """;

    public async ValueTask<IReadOnlyList<ApiKeyItem>> Handle(ListApiKeysQuery query, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ApiKeyItem>(new CommandDefinition(Sql, cancellationToken: ct))).ToList();
    }
}

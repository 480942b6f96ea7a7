using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.GetAuditLog;

internal interface IGetAuditLogStore
{
    Task<IReadOnlyList<AuditLogEntry>> ListAsync(
        string? entity,
        Guid? entityId,
        (DateTime OccurredAt, Guid Id)? after,
        int take,
        CancellationToken ct
    );
}

internal sealed class PostgresGetAuditLogStore(NpgsqlDataSource db) : IGetAuditLogStore, IPostgresStore
{
    private const string Sql = """
        SELECT id AS Id, occurred_at AS OccurredAt, actor AS Actor, entity AS Entity, entity_id AS EntityId,
               action AS Action, changed_fields AS ChangedFields
        FROM audit_log
        WHERE (@entity::text IS NULL OR entity = @entity)
          AND (@entityId::uuid IS NULL OR entity_id = @entityId)
          AND (@afterAt::timestamptz IS NULL OR (occurred_at, id) < (@afterAt, @afterId))
        ORDER BY occurred_at DESC, id DESC
        LIMIT @take
        """;

    public async Task<IReadOnlyList<AuditLogEntry>> ListAsync(
        string? entity,
        Guid? entityId,
        (DateTime OccurredAt, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            entity,
            entityId,
            afterAt = after?.OccurredAt,
            afterId = after?.Id,
            take,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(Sql, parameters, cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    // Properties, not a constructor: Dapper reads text[] as an Array, which no string[] parameter matches.
    private sealed class AuditRow
    {
        public Guid Id { get; init; }

        public DateTime OccurredAt { get; init; }

        public string Actor { get; init; } = "";

        public string Entity { get; init; } = "";

        public Guid EntityId { get; init; }

        public string Action { get; init; } = "";

        public string[] ChangedFields { get; init; } = [];

        public AuditLogEntry ToEntry() =>
            new(Id, new DateTimeOffset(OccurredAt, TimeSpan.Zero), Actor, Entity, EntityId, Action, ChangedFields);
    }
}

using Mediator;

namespace AppointmentSlices.Features.ListApiKeys;

/// <summary>Every key issued, newest first, revoked ones too; never the key itself, which is not stored.</summary>
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyItem>>;

public sealed record ApiKeyItem(Guid Id, string Name, string? IssuedBy, DateTime CreatedAt, DateTime? RevokedAt);

internal sealed class ListApiKeysHandler(IListApiKeysStore store)
    : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyItem>>
{
    public async ValueTask<IReadOnlyList<ApiKeyItem>> Handle(ListApiKeysQuery query, CancellationToken ct) =>
        await store.ListAsync(ct);
}

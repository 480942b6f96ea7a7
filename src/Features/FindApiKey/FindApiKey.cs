using AppointmentSlices.Features.Common;
using Mediator;

namespace AppointmentSlices.Features.FindApiKey;

/// <summary>The key a caller sent, if it was issued and not revoked; looked up by its SHA-256.</summary>
public sealed record FindApiKeyQuery(string Key) : IQuery<ApiKeyIdentity?>;

public sealed record ApiKeyIdentity(Guid Id, string Name);

internal sealed class FindApiKeyHandler(IFindApiKeyStore store, ApiKeyCache cache)
    : IQueryHandler<FindApiKeyQuery, ApiKeyIdentity?>
{
    public async ValueTask<ApiKeyIdentity?> Handle(FindApiKeyQuery query, CancellationToken ct)
    {
        if (!ManageToken.IsWellFormed(query.Key))
        {
            return null;
        }

        var hash = ManageToken.Hash(query.Key);
        if (cache.TryGet(hash, out var cached))
        {
            return cached;
        }

        var key = await store.FindAsync(hash, ct);
        if (key is not null)
        {
            cache.Add(hash, key);
        }

        return key;
    }
}

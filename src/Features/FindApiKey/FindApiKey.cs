using AppointmentSlices.Features.Common;
using Mediator;

namespace AppointmentSlices.Features.FindApiKey;

/// <summary>The key a caller sent, if it was issued and not revoked; looked up by its SHA-256.</summary>
public sealed record FindApiKeyQuery(string Key) : IQuery<ApiKeyIdentity?>;

public sealed record ApiKeyIdentity(Guid Id, string Name);

internal sealed class FindApiKeyHandler(IFindApiKeyStore store) : IQueryHandler<FindApiKeyQuery, ApiKeyIdentity?>
{
    public async ValueTask<ApiKeyIdentity?> Handle(FindApiKeyQuery query, CancellationToken ct) =>
        ManageToken.IsWellFormed(query.Key) ? await store.FindAsync(ManageToken.Hash(query.Key), ct) : null;
}

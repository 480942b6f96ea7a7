using Microsoft.Extensions.Caching.Memory;

namespace AppointmentSlices.Features.FindApiKey;

/// <summary>
/// The keys found lately, by their hash, so an integrator's every request does not cost a database query.
/// Revoking a key empties the cache at once on the instance that revoked it; another instance keeps answering
/// for the key until its entry expires, at most <see cref="Lifetime"/> later. Unknown keys are never kept.
/// </summary>
internal sealed class ApiKeyCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly MemoryCache keys = new(new MemoryCacheOptions());

    public bool TryGet(byte[] hash, out ApiKeyIdentity? key) => keys.TryGetValue(Convert.ToBase64String(hash), out key);

    public void Add(byte[] hash, ApiKeyIdentity key) => keys.Set(Convert.ToBase64String(hash), key, Lifetime);

    public void Clear() => keys.Clear();

    public void Dispose() => keys.Dispose();
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.FindApiKey;

internal sealed class MongoFindApiKeyStore(MongoClinic clinic) : IFindApiKeyStore, IMongoStore
{
    public async Task<ApiKeyIdentity?> FindAsync(byte[] hash, CancellationToken ct)
    {
        var key = await clinic.ApiKeys.Find(k => k.KeyHash == hash && k.RevokedAt == null).FirstOrDefaultAsync(ct);
        return key is null ? null : new ApiKeyIdentity(key.Id, key.Name);
    }
}

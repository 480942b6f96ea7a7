using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.RevokeApiKey;

internal sealed class MongoRevokeApiKeyStore(MongoClinic clinic) : IRevokeApiKeyStore, IMongoStore
{
    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var revoked = await clinic.ApiKeys.UpdateOneAsync(
            k => k.Id == id && k.RevokedAt == null,
            Builders<ApiKeyDocument>.Update.Set(k => k.RevokedAt, now.UtcDateTime),
            cancellationToken: ct
        );
        return revoked.MatchedCount > 0 || await clinic.ApiKeys.Find(k => k.Id == id).AnyAsync(ct);
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ListApiKeys;

internal sealed class MongoListApiKeysStore(MongoClinic clinic) : IListApiKeysStore, IMongoStore
{
    public async Task<IReadOnlyList<ApiKeyItem>> ListAsync(CancellationToken ct)
    {
        var keys = await clinic
            .ApiKeys.Find(Builders<ApiKeyDocument>.Filter.Empty)
            .SortByDescending(k => k.CreatedAt)
            .ThenByDescending(k => k.Id)
            .ToListAsync(ct);
        var issuerIds = keys.Where(k => k.CreatedBy is not null).Select(k => k.CreatedBy!.Value).Distinct().ToList();
        var issuers = await clinic
            .StaffUsers.Find(Builders<StaffUserDocument>.Filter.In(s => s.Id, issuerIds))
            .ToListAsync(ct);
        var names = issuers.ToDictionary(s => s.Id, s => s.DisplayName);
        return keys.Select(k => new ApiKeyItem(
                k.Id,
                k.Name,
                k.CreatedBy is { } issuer ? names.GetValueOrDefault(issuer) : null,
                k.CreatedAt,
                k.RevokedAt
            ))
            .ToList();
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.IssueApiKey;

internal sealed class MongoIssueApiKeyStore(MongoClinic clinic) : IIssueApiKeyStore, IMongoStore
{
    public Task InsertAsync(NewApiKey key, CancellationToken ct) =>
        clinic.ApiKeys.InsertOneAsync(
            new ApiKeyDocument
            {
                Id = key.Id,
                Name = key.Name,
                KeyHash = key.KeyHash,
                CreatedBy = key.IssuedBy,
                CreatedAt = key.IssuedAt.UtcDateTime,
            },
            cancellationToken: ct
        );
}

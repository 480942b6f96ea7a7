using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.GetAuditLog;

internal sealed class MongoGetAuditLogStore(MongoClinic clinic) : IGetAuditLogStore, IMongoStore
{
    private static readonly FilterDefinitionBuilder<AuditEntryDocument> Filter = Builders<AuditEntryDocument>.Filter;

    public async Task<IReadOnlyList<AuditLogEntry>> ListAsync(
        string? entity,
        Guid? entityId,
        (DateTime OccurredAt, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var filter = Filter.Empty;
        if (entity is not null)
        {
            filter &= Filter.Eq(a => a.Entity, entity);
        }

        if (entityId is { } id)
        {
            filter &= Filter.Eq(a => a.EntityId, id);
        }

        if (after is { } cursor)
        {
            filter &= Filter.Or(
                Filter.Lt(a => a.OccurredAt, cursor.OccurredAt),
                Filter.And(Filter.Eq(a => a.OccurredAt, cursor.OccurredAt), Filter.Lt(a => a.Id, cursor.Id))
            );
        }

        var entries = await clinic
            .AuditLog.Find(filter)
            .SortByDescending(a => a.OccurredAt)
            .ThenByDescending(a => a.Id)
            .Limit(take)
            .ToListAsync(ct);
        return entries
            .Select(a => new AuditLogEntry(
                a.Id,
                new DateTimeOffset(a.OccurredAt, TimeSpan.Zero),
                a.Actor,
                a.Entity,
                a.EntityId,
                a.Action,
                a.ChangedFields
            ))
            .ToList();
    }
}

using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Infrastructure.Mongo;

/// <summary>
/// Creates the clinic's indexes; creating an index that exists with the same definition does nothing, so this
/// runs at every start. The unique indexes keep the data correct and always exist; the query indexes, like
/// PostgreSQL's Indexes/ scripts, can be left out for the bench's no-index scenario.
/// </summary>
public static class MongoIndexes
{
    public static async Task EnsureAsync(MongoClinic clinic, bool withQueryIndexes, CancellationToken ct = default)
    {
        await EnsureIntegrityIndexesAsync(clinic, ct);
        if (withQueryIndexes)
        {
            await EnsureQueryIndexesAsync(clinic, ct);
        }
    }

    private static async Task EnsureIntegrityIndexesAsync(MongoClinic clinic, CancellationToken ct)
    {
        await UniqueAsync(clinic.Patients, Builders<PatientDocument>.IndexKeys.Ascending(p => p.EmailKey), ct);
        await UniqueAsync(clinic.StaffUsers, Builders<StaffUserDocument>.IndexKeys.Ascending(s => s.EmailKey), ct);
        await UniqueAsync(clinic.ApiKeys, Builders<ApiKeyDocument>.IndexKeys.Ascending(k => k.KeyHash), ct);
        var events = Builders<AppointmentEventDocument>
            .IndexKeys.Ascending(e => e.AppointmentId)
            .Ascending(e => e.Sequence);
        await UniqueAsync(clinic.AppointmentEvents, events, ct);

        // Only appointments that have a manage link hold a hash; the rest stay out of the unique index.
        var tokens = new CreateIndexOptions<AppointmentDocument>
        {
            Unique = true,
            PartialFilterExpression = Builders<AppointmentDocument>.Filter.Exists(a => a.ManageTokenHash),
        };
        await clinic.Appointments.Indexes.CreateOneAsync(
            new CreateIndexModel<AppointmentDocument>(
                Builders<AppointmentDocument>.IndexKeys.Ascending(a => a.ManageTokenHash),
                tokens
            ),
            cancellationToken: ct
        );

        // Releasing a slot deletes its claims by appointment; without this every cancel would scan the claims.
        await clinic.SlotClaims.Indexes.CreateOneAsync(
            new CreateIndexModel<SlotClaimDocument>(
                Builders<SlotClaimDocument>.IndexKeys.Ascending(c => c.AppointmentId)
            ),
            cancellationToken: ct
        );
    }

    private static Task<string> UniqueAsync<T>(
        IMongoCollection<T> collection,
        IndexKeysDefinition<T> keys,
        CancellationToken ct
    ) =>
        collection.Indexes.CreateOneAsync(
            new CreateIndexModel<T>(keys, new CreateIndexOptions { Unique = true }),
            cancellationToken: ct
        );

    private static async Task EnsureQueryIndexesAsync(MongoClinic clinic, CancellationToken ct)
    {
        var appointments = Builders<AppointmentDocument>.IndexKeys;
        await clinic.Appointments.Indexes.CreateManyAsync(
            [
                new(appointments.Ascending(a => a.DoctorId).Ascending(a => a.StartsAt).Ascending(a => a.Id)),
                new(appointments.Ascending(a => a.PatientId).Ascending(a => a.StartsAt).Ascending(a => a.Id)),
                new(appointments.Ascending(a => a.StartsAt).Ascending(a => a.Id)),
            ],
            ct
        );

        var doctors = Builders<DoctorDocument>.IndexKeys;
        await clinic.Doctors.Indexes.CreateManyAsync(
            [
                new(doctors.Ascending(d => d.SearchName).Ascending(d => d.Id)),
                new(doctors.Ascending(d => d.SearchSpecialty).Ascending(d => d.SearchName).Ascending(d => d.Id)),
            ],
            ct
        );

        var patients = Builders<PatientDocument>.IndexKeys;
        await clinic.Patients.Indexes.CreateManyAsync(
            [
                new(patients.Ascending(p => p.SearchName).Ascending(p => p.Id)),
                new(patients.Ascending(p => p.PhoneDigits)),
            ],
            ct
        );

        var audit = Builders<AuditEntryDocument>.IndexKeys;
        await clinic.AuditLog.Indexes.CreateManyAsync(
            [
                new(audit.Descending(a => a.OccurredAt).Descending(a => a.Id)),
                new(
                    audit
                        .Ascending(a => a.Entity)
                        .Ascending(a => a.EntityId)
                        .Descending(a => a.OccurredAt)
                        .Descending(a => a.Id)
                ),
            ],
            ct
        );
    }
}

using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;
using Npgsql;

namespace AppointmentSlices.Infrastructure.Moving;

/// <summary>How far one collection's copy has got: documents written so far out of the source's row count.</summary>
public sealed record MoveProgress(string Collection, long Done, long Total);

/// <summary>
/// Copies a clinic from PostgreSQL into MongoDB, collection by collection in id-ordered batches. Every document is
/// written as an upsert by id, so running it again (after a failure, or to pick up rows added since) converges on
/// the same result instead of duplicating anything. The slot claims are derived from the active appointments,
/// the way the Mongo stores write them.
/// </summary>
public sealed class ClinicMover(NpgsqlDataSource source, MongoClinic target, int batchSize = 2_000)
{
    private readonly PostgresClinicReader reader = new(source, batchSize);

    public async Task MoveAsync(IProgress<MoveProgress> progress, CancellationToken ct = default)
    {
        await MongoIndexes.EnsureAsync(target, withQueryIndexes: true, ct);
        await CopyAsync(
            "doctors",
            target.Doctors,
            reader.DoctorsAsync(ct),
            d => ById<DoctorDocument>(d.Id),
            progress,
            ct
        );
        await CopyAsync(
            "patients",
            target.Patients,
            reader.PatientsAsync(ct),
            p => ById<PatientDocument>(p.Id),
            progress,
            ct
        );
        await CopyAppointmentsAsync(progress, ct);
        await CopyAsync(
            "audit_log",
            target.AuditLog,
            reader.AuditLogAsync(ct),
            a => ById<AuditEntryDocument>(a.Id),
            progress,
            ct
        );
        await CopyAsync(
            "staff_users",
            target.StaffUsers,
            reader.StaffUsersAsync(ct),
            s => ById<StaffUserDocument>(s.Id),
            progress,
            ct
        );
        await CopyAsync(
            "api_keys",
            target.ApiKeys,
            reader.ApiKeysAsync(ct),
            k => ById<ApiKeyDocument>(k.Id),
            progress,
            ct
        );
    }

    /// <summary>Compares every collection with what PostgreSQL holds: counts, a checksum, and each differing id.</summary>
    public Task<MoveVerification> VerifyAsync(CancellationToken ct = default) =>
        new MoveVerifier(reader, target).VerifyAsync(ct);

    private async Task CopyAppointmentsAsync(IProgress<MoveProgress> progress, CancellationToken ct)
    {
        var total = await reader.CountAsync("appointments", ct);
        var done = 0L;
        await foreach (var batch in reader.AppointmentsAsync(ct))
        {
            await UpsertAsync(target.Appointments, batch, a => ById<AppointmentDocument>(a.Id), ct);
            await UpsertAsync(
                target.AppointmentEvents,
                await reader.EventsOfAsync(batch, ct),
                e => ById<AppointmentEventDocument>(e.Id),
                ct
            );
            await UpsertAsync(
                target.SlotClaims,
                [.. batch.SelectMany(SlotClaimsOf.Appointment)],
                c => Builders<SlotClaimDocument>.Filter.Eq(x => x.Id, c.Id),
                ct
            );
            done += batch.Count;
            progress.Report(new MoveProgress("appointments", done, total));
        }

        progress.Report(new MoveProgress("appointments", done, total));
    }

    private async Task CopyAsync<T>(
        string collection,
        IMongoCollection<T> into,
        IAsyncEnumerable<IReadOnlyList<T>> batches,
        Func<T, FilterDefinition<T>> byId,
        IProgress<MoveProgress> progress,
        CancellationToken ct
    )
    {
        var total = await reader.CountAsync(collection, ct);
        var done = 0L;
        await foreach (var batch in batches)
        {
            await UpsertAsync(into, batch, byId, ct);
            done += batch.Count;
            progress.Report(new MoveProgress(collection, done, total));
        }

        progress.Report(new MoveProgress(collection, done, total));
    }

    /// <summary>A filter on the document's <c>_id</c>, which every clinic document maps from its Guid Id.</summary>
    private static FilterDefinition<T> ById<T>(Guid id) => Builders<T>.Filter.Eq("_id", id);

    private static async Task UpsertAsync<T>(
        IMongoCollection<T> into,
        IReadOnlyList<T> documents,
        Func<T, FilterDefinition<T>> byId,
        CancellationToken ct
    )
    {
        if (documents.Count == 0)
        {
            return;
        }

        var writes = documents.Select(d => new ReplaceOneModel<T>(byId(d), d) { IsUpsert = true }).ToList();
        await into.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, ct);
    }
}

/// <summary>The claims an appointment holds on MongoDB: none once cancelled.</summary>
internal static class SlotClaimsOf
{
    public static IEnumerable<SlotClaimDocument> Appointment(AppointmentDocument appointment)
    {
        if (appointment.Status == "Cancelled")
        {
            return [];
        }

        var starts = new DateTimeOffset(appointment.StartsAt, TimeSpan.Zero);
        var ends = new DateTimeOffset(appointment.EndsAt, TimeSpan.Zero);
        return SlotClaimIds
            .Of(SlotClaimIds.Doctor, appointment.DoctorId, starts, ends)
            .Concat(SlotClaimIds.Of(SlotClaimIds.Patient, appointment.PatientId, starts, ends))
            .Select(id => new SlotClaimDocument { Id = id, AppointmentId = appointment.Id });
    }
}

using System.Security.Cryptography;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AppointmentSlices.Infrastructure.Moving;

/// <summary>One collection compared: counts, checksums and the ids that differ.</summary>
public sealed record CollectionCheck(
    string Collection,
    long SourceCount,
    long TargetCount,
    string SourceChecksum,
    string TargetChecksum,
    IReadOnlyList<string> MissingInTarget,
    IReadOnlyList<string> ExtraInTarget,
    IReadOnlyList<string> Different
)
{
    public bool Matches => SourceChecksum == TargetChecksum && SourceCount == TargetCount;
}

public sealed record MoveVerification(IReadOnlyList<CollectionCheck> Collections)
{
    public bool Matches => Collections.All(c => c.Matches);
}

/// <summary>
/// Checks a moved clinic document by document. Each side is reduced to a SHA-256 per document (its BSON, as the
/// mapping writes it) keyed by id; a collection's checksum is the hash of those in id order. The counter that
/// bookings keep on a doctor (<see cref="DoctorDocument.Touches"/>) is MongoDB's own and is left out.
/// </summary>
internal sealed class MoveVerifier(PostgresClinicReader reader, MongoClinic target)
{
    public async Task<MoveVerification> VerifyAsync(CancellationToken ct)
    {
        var appointments = await HashAsync(reader.AppointmentsAsync(ct), a => a.Id.ToString(), ct);
        var (events, claims) = await HistoryAndClaimsAsync(ct);
        return new MoveVerification([
            Compare(
                "doctors",
                await HashAsync(reader.DoctorsAsync(ct), Doctor, ct),
                await TargetAsync(target.Doctors, Doctor, ct)
            ),
            Compare(
                "patients",
                await HashAsync(reader.PatientsAsync(ct), p => p.Id.ToString(), ct),
                await TargetAsync(target.Patients, p => p.Id.ToString(), ct)
            ),
            Compare("appointments", appointments, await TargetAsync(target.Appointments, a => a.Id.ToString(), ct)),
            Compare(
                "appointment_events",
                events,
                await TargetAsync(target.AppointmentEvents, e => e.Id.ToString(), ct)
            ),
            Compare("slot_claims", claims, await TargetAsync(target.SlotClaims, c => c.Id, ct)),
            Compare(
                "audit_log",
                await HashAsync(reader.AuditLogAsync(ct), a => a.Id.ToString(), ct),
                await TargetAsync(target.AuditLog, a => a.Id.ToString(), ct)
            ),
            Compare(
                "staff_users",
                await HashAsync(reader.StaffUsersAsync(ct), s => s.Id.ToString(), ct),
                await TargetAsync(target.StaffUsers, s => s.Id.ToString(), ct)
            ),
            Compare(
                "api_keys",
                await HashAsync(reader.ApiKeysAsync(ct), k => k.Id.ToString(), ct),
                await TargetAsync(target.ApiKeys, k => k.Id.ToString(), ct)
            ),
        ]);
    }

    private static string Doctor(DoctorDocument doctor)
    {
        doctor.Touches = 0;
        return doctor.Id.ToString();
    }

    private async Task<(Dictionary<string, string> Events, Dictionary<string, string> Claims)> HistoryAndClaimsAsync(
        CancellationToken ct
    )
    {
        var events = new Dictionary<string, string>();
        var claims = new Dictionary<string, string>();
        await foreach (var batch in reader.AppointmentsAsync(ct))
        {
            foreach (var change in await reader.EventsOfAsync(batch, ct))
            {
                events[change.Id.ToString()] = Hash(change);
            }

            foreach (var claim in batch.SelectMany(SlotClaimsOf.Appointment))
            {
                claims[claim.Id] = Hash(claim);
            }
        }

        return (events, claims);
    }

    private static async Task<Dictionary<string, string>> HashAsync<T>(
        IAsyncEnumerable<IReadOnlyList<T>> batches,
        Func<T, string> key,
        CancellationToken ct
    )
    {
        var hashes = new Dictionary<string, string>();
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var document in batch)
            {
                hashes[key(document)] = Hash(document);
            }
        }

        return hashes;
    }

    private static async Task<Dictionary<string, string>> TargetAsync<T>(
        IMongoCollection<T> collection,
        Func<T, string> key,
        CancellationToken ct
    )
    {
        var hashes = new Dictionary<string, string>();
        using var cursor = await collection.FindAsync(FilterDefinition<T>.Empty, cancellationToken: ct);
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var document in cursor.Current)
            {
                var id = key(document); // before hashing: the key function clears what the check ignores
                hashes[id] = Hash(document);
            }
        }

        return hashes;
    }

    private static string Hash<T>(T document) => Convert.ToHexString(SHA256.HashData(document.ToBson()));

    private static CollectionCheck Compare(
        string collection,
        Dictionary<string, string> source,
        Dictionary<string, string> target
    ) =>
        new(
            collection,
            source.Count,
            target.Count,
            Checksum(source),
            Checksum(target),
            [.. source.Keys.Where(id => !target.ContainsKey(id)).Order(StringComparer.Ordinal)],
            [.. target.Keys.Where(id => !source.ContainsKey(id)).Order(StringComparer.Ordinal)],
            [
                .. source
                    .Where(s => target.TryGetValue(s.Key, out var t) && t != s.Value)
                    .Select(s => s.Key)
                    .Order(StringComparer.Ordinal),
            ]
        );

    private static string Checksum(Dictionary<string, string> hashes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (id, hash) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{id}={hash};"));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16];
    }
}

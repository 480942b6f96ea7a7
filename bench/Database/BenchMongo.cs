using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Driver;

namespace AppointmentSlices.Bench.Database;

/// <summary>
/// The study's MongoDB database, a database of its own on the server MONGODB_URI names, recreated empty each run.
/// Data first, indexes next (the product's, query indexes included), as the PostgreSQL load does.
/// </summary>
public sealed class BenchMongo : IDisposable
{
    public const string DatabaseName = "appointment_slices_bench";

    private BenchMongo(string connectionString)
    {
        ConnectionString = connectionString;
        Clinic = MongoRegistration.CreateClinic(connectionString);
    }

    /// <summary>The server's URI with the bench's database in it, as the host is given it.</summary>
    public string ConnectionString { get; }

    public MongoClinic Clinic { get; }

    /// <summary>The bench's database on the server the URI names, dropped first so every run starts empty.</summary>
    public static async Task<BenchMongo> StartAsync(string serverUri, string databaseName, CancellationToken ct)
    {
        var url = new MongoUrlBuilder(serverUri) { DatabaseName = databaseName };
        var mongo = new BenchMongo(url.ToString());
        await mongo.Clinic.Client.DropDatabaseAsync(databaseName, ct);
        return mongo;
    }

    /// <summary>The database the connection string names, as it is (not dropped): for harness tests.</summary>
    public static BenchMongo Attach(string connectionString) => new(connectionString);

    public Task CreateIndexesAsync(CancellationToken ct) =>
        MongoIndexes.EnsureAsync(Clinic, withQueryIndexes: true, ct);

    /// <summary>An API key for the staff-only routes, stored as the service stores one (its SHA-256).</summary>
    public async Task<string> IssueApiKeyAsync(CancellationToken ct)
    {
        var key = ManageToken.Create();
        var document = new ApiKeyDocument
        {
            Id = Guid.CreateVersion7(),
            Name = "Load study",
            KeyHash = ManageToken.Hash(key),
            CreatedAt = DateTime.UtcNow,
        };
        await Clinic.ApiKeys.InsertOneAsync(document, cancellationToken: ct);
        return key;
    }

    /// <summary>Every index of the clinic's collections, its keys and options as MongoDB lists them.</summary>
    public async Task<IReadOnlyList<IndexDefinition>> IndexesAsync(CancellationToken ct)
    {
        var indexes = new List<IndexDefinition>();
        foreach (var name in MongoClinic.CollectionNames)
        {
            using var cursor = await Clinic.Database.GetCollection<BsonDocument>(name).Indexes.ListAsync(ct);
            foreach (var index in await cursor.ToListAsync(ct))
            {
                var definition = Json(index["key"]);
                if (index.GetValue("unique", false).ToBoolean())
                {
                    definition += " unique";
                }

                if (index.TryGetValue("partialFilterExpression", out var partial))
                {
                    definition += " where " + Json(partial);
                }

                indexes.Add(new IndexDefinition(name, index["name"].AsString, definition));
            }
        }

        return indexes;
    }

    public async Task<IReadOnlyDictionary<string, string>> ServerSettingsAsync(CancellationToken ct)
    {
        var build = await Clinic.Database.RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), null, ct);
        var hello = await Clinic.Database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), null, ct);
        return new Dictionary<string, string>
        {
            ["version"] = build.GetValue("version", "unknown").ToString()!,
            ["replica set"] = hello.GetValue("setName", "none").ToString()!,
            ["database"] = Clinic.Database.DatabaseNamespace.DatabaseName,
        };
    }

    /// <summary>
    /// Pairs of active appointments of one doctor, or of one patient, whose times overlap, as the PostgreSQL check
    /// counts them. The appointments are streamed once, unsorted, and compared per owner here: the MongoDB test
    /// server can't sort by uuid, and a real server would need a sort on every appointment anyway.
    /// </summary>
    public async Task<OverlapCheck> CheckOverlapsAsync(CancellationToken ct)
    {
        var doctors = new Dictionary<Guid, List<(DateTime Starts, DateTime Ends)>>();
        var patients = new Dictionary<Guid, List<(DateTime Starts, DateTime Ends)>>();
        long total = 0;
        var projection = Builders<AppointmentDocument>
            .Projection.Include(a => a.DoctorId)
            .Include(a => a.PatientId)
            .Include(a => a.StartsAt)
            .Include(a => a.EndsAt)
            .Include(a => a.Status);
        using var cursor = await Clinic
            .Appointments.Find(FilterDefinition<AppointmentDocument>.Empty)
            .Project<AppointmentDocument>(projection)
            .ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var a in cursor.Current)
            {
                total++;
                if (a.Status != AppointmentStatus.Cancelled)
                {
                    Add(doctors, a.DoctorId, (a.StartsAt, a.EndsAt));
                    Add(patients, a.PatientId, (a.StartsAt, a.EndsAt));
                }
            }
        }

        return new OverlapCheck(OverlappingPairs(doctors.Values), OverlappingPairs(patients.Values), total);
    }

    /// <summary>Within each list, the pairs whose half-open intervals share some time.</summary>
    internal static long OverlappingPairs(IEnumerable<List<(DateTime Starts, DateTime Ends)>> owners)
    {
        long pairs = 0;
        foreach (var times in owners)
        {
            times.Sort((a, b) => a.Starts.CompareTo(b.Starts));
            for (var i = 0; i < times.Count; i++)
            {
                // Sorted by start, every later interval that starts before this one ends overlaps it.
                for (var j = i + 1; j < times.Count && times[j].Starts < times[i].Ends; j++)
                {
                    pairs++;
                }
            }
        }

        return pairs;
    }

    public void Dispose() => Clinic.Client.Dispose();

    internal static string Json(BsonValue value) =>
        value.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.Shell, Indent = false });

    private static void Add<T>(Dictionary<Guid, List<T>> byOwner, Guid owner, T item)
    {
        if (!byOwner.TryGetValue(owner, out var list))
        {
            byOwner[owner] = list = [];
        }

        list.Add(item);
    }
}

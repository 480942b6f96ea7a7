using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Infrastructure.Mongo;

/// <summary>The clinic's MongoDB database and its collections, typed; one instance serves the whole host.</summary>
public sealed class MongoClinic
{
    public MongoClinic(IMongoClient client, string databaseName)
    {
        MongoMapping.Register();
        Client = client;
        Database = client.GetDatabase(databaseName);
        Doctors = Database.GetCollection<DoctorDocument>("doctors");
        Patients = Database.GetCollection<PatientDocument>("patients");
        Appointments = Database.GetCollection<AppointmentDocument>("appointments");
        AppointmentEvents = Database.GetCollection<AppointmentEventDocument>("appointment_events");
        SlotClaims = Database.GetCollection<SlotClaimDocument>("slot_claims");
        AuditLog = Database.GetCollection<AuditEntryDocument>("audit_log");
        StaffUsers = Database.GetCollection<StaffUserDocument>("staff_users");
        ApiKeys = Database.GetCollection<ApiKeyDocument>("api_keys");
    }

    public IMongoClient Client { get; }

    public IMongoDatabase Database { get; }

    public IMongoCollection<DoctorDocument> Doctors { get; }

    public IMongoCollection<PatientDocument> Patients { get; }

    public IMongoCollection<AppointmentDocument> Appointments { get; }

    public IMongoCollection<AppointmentEventDocument> AppointmentEvents { get; }

    public IMongoCollection<SlotClaimDocument> SlotClaims { get; }

    public IMongoCollection<AuditEntryDocument> AuditLog { get; }

    public IMongoCollection<StaffUserDocument> StaffUsers { get; }

    public IMongoCollection<ApiKeyDocument> ApiKeys { get; }

    /// <summary>The names of every collection the clinic keeps, for tests that empty them and for the mover.</summary>
    public static IReadOnlyList<string> CollectionNames { get; } =
    [
        "doctors",
        "patients",
        "appointments",
        "appointment_events",
        "slot_claims",
        "audit_log",
        "staff_users",
        "api_keys",
    ];

    /// <summary>
    /// Runs the work in a multi-document transaction with snapshot reads and majority writes. The driver runs it
    /// again when the server says the failure was transient (a write conflict with another transaction), so the
    /// work must be safe to repeat: it reads what it decides on inside the transaction.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(
        Func<IClientSessionHandle, CancellationToken, Task<T>> work,
        CancellationToken ct
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var session = await Client.StartSessionAsync(cancellationToken: ct);
                return await session.WithTransactionAsync((s, token) => work(s, token), TransactionOptions, ct);
            }
            catch (MongoCommandException e) when (e.Code == WriteConflictCode && attempt < UnlabelledConflictAttempts)
            {
                // MongoDB labels a write conflict as transient and the driver retries it; a MongoDB-compatible
                // server that reports it without the label gets the same treatment here.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
            }
        }
    }

    private const int WriteConflictCode = 112;
    private const int UnlabelledConflictAttempts = 10;

    private static readonly TransactionOptions TransactionOptions = new(
        ReadConcern.Snapshot,
        ReadPreference.Primary,
        WriteConcern.WMajority
    );
}

extern alias BenchProject;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;

using BenchProject::AppointmentSlices.Bench.Data;
using BenchProject::AppointmentSlices.Bench.Database;
using MongoDB.Driver;
using Xunit;

namespace AppointmentSlices.Tests.Bench;

/// <summary>
/// The load study's MongoDB loader and overlap check, on a tiny generated clinic in a database of its own. A
/// harness test: it runs on the MongoDB test server too, and measures nothing.
/// </summary>
public sealed class MongoLoaderTests : IDisposable
{
    private static readonly BenchScale Tiny = new("tiny", 3, 40, 200);

    private readonly string database = $"bench_loader_{Guid.NewGuid():N}";
    private readonly BenchMongo mongo;
    private readonly ClinicDataset data = DatasetGenerator.Generate(Tiny, DateOnly.FromDateTime(DateTime.UtcNow));

    public MongoLoaderTests()
    {
        var url = new MongoUrlBuilder(MongoTestServer.ConnectionString) { DatabaseName = database };
        mongo = BenchMongo.Attach(url.ToString());
    }

    private MongoClinic Clinic => mongo.Clinic;

    [MongoFact]
    public async Task Loader_writes_every_document_and_the_claims_of_each_active_appointment()
    {
        long reported = 0;
        var gate = new Lock();
        var phases = await new MongoLoader(Clinic, batchSize: 100).LoadAsync(
            data,
            new SynchronousProgress(n =>
            {
                // Two batches are in flight, so their reports may arrive out of order.
                lock (gate)
                {
                    reported = Math.Max(reported, n);
                }
            }),
            CancellationToken.None
        );

        Assert.Equal(3, phases.Count);
        Assert.Equal(MongoLoader.DocumentCount(data), reported);
        Assert.Equal(3, await CountAsync(Clinic.Doctors));
        Assert.Equal(40, await CountAsync(Clinic.Patients));
        Assert.Equal(200, await CountAsync(Clinic.Appointments));

        var active = data.Appointments.Where(a => a.Status != "Cancelled").ToList();
        var expected = active
            .SelectMany(a =>
            {
                var starts = data.Calendar.StartOf(a.Day, a.Slot);
                var ends = starts.AddMinutes(BenchCalendar.SlotMinutes);
                return SlotClaimIds
                    .Of(SlotClaimIds.Doctor, data.Doctors[a.Doctor].Id, starts, ends)
                    .Concat(SlotClaimIds.Of(SlotClaimIds.Patient, data.Patients[a.Patient].Id, starts, ends))
                    .Select(id => (id, a.Id));
            })
            .ToHashSet();
        var claims = await Clinic.SlotClaims.Find(FilterDefinition<SlotClaimDocument>.Empty).ToListAsync();
        Assert.Equal(active.Count * 12, claims.Count);
        Assert.True(expected.SetEquals(claims.Select(c => (c.Id, c.AppointmentId))));

        var doctor = await Clinic.Doctors.Find(d => d.Id == data.Doctors[0].Id).SingleAsync();
        Assert.Equal(BenchCalendar.ZoneId, doctor.TimeZone);
        Assert.Equal(10, doctor.WorkingHours.Count);
        Assert.Single(doctor.TimeOff);
        Assert.True(doctor.IsActive);
        var patient = await Clinic.Patients.Find(p => p.Id == data.Patients[0].Id).SingleAsync();
        Assert.Equal(SearchText.Key(data.Patients[0].FullName), patient.SearchName);

        var overlaps = await mongo.CheckOverlapsAsync(CancellationToken.None);
        Assert.Equal((0L, 0L, 200L), (overlaps.DoctorOverlaps, overlaps.PatientOverlaps, overlaps.Appointments));
    }

    [MongoFact]
    public async Task Overlap_check_finds_an_appointment_written_over_an_active_one()
    {
        await new MongoLoader(Clinic).LoadAsync(data, new SynchronousProgress(_ => { }), CancellationToken.None);
        var taken = await Clinic.Appointments.Find(a => a.Status == "Scheduled").FirstAsync();

        // Straight into the collection, past the claims: double bookings only the check can see. The cancelled
        // one and the one that starts as the taken one ends overlap nothing.
        await Clinic.Appointments.InsertManyAsync([
            Copy(taken, taken.DoctorId, Guid.CreateVersion7(), "Scheduled", minutesLater: 15),
            Copy(taken, Guid.CreateVersion7(), taken.PatientId, "Scheduled", minutesLater: -10),
            Copy(taken, taken.DoctorId, Guid.CreateVersion7(), "Cancelled", minutesLater: 0),
            Copy(taken, Guid.CreateVersion7(), taken.PatientId, "Scheduled", minutesLater: BenchCalendar.SlotMinutes),
        ]);

        var overlaps = await mongo.CheckOverlapsAsync(CancellationToken.None);
        Assert.Equal((1L, 1L, 204L), (overlaps.DoctorOverlaps, overlaps.PatientOverlaps, overlaps.Appointments));
    }

    [MongoFact]
    public async Task The_host_on_MongoDB_answers_the_studys_requests_on_the_loaded_clinic()
    {
        // The clinic around the test host's stopped clock, so its bookable slots are ahead of that clock.
        var clinic = DatasetGenerator.Generate(Tiny, DateOnly.FromDateTime(ClinicApp.Now.UtcDateTime));
        await new MongoLoader(Clinic).LoadAsync(clinic, new SynchronousProgress(_ => { }), CancellationToken.None);
        await mongo.CreateIndexesAsync(CancellationToken.None);
        var apiKey = await mongo.IssueApiKeyAsync(CancellationToken.None);
        Assert.Equal(database, (await mongo.ServerSettingsAsync(CancellationToken.None))["database"]);
        Assert.Contains(await mongo.IndexesAsync(CancellationToken.None), i =>
            i.Table == "appointments" && i.Definition.Contains("doctorId", StringComparison.Ordinal)
        );

        await using var app = new ClinicApp(
            "",
            mongo.ConnectionString,
            new Dictionary<string, string> { ["Storage:QueryIndexes"] = "true" }
        );
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var scratch = Path.Combine(Path.GetTempPath(), $"bench-mongo-{Guid.NewGuid():N}.txt");
        try
        {
            foreach (var endpoint in BenchProject::AppointmentSlices.Bench.Load.Endpoint.All)
            {
                endpoint.WriteRequests(scratch, clinic, 0, 2);
                foreach (var line in File.ReadLines(scratch).Take(3))
                {
                    var parts = line.Split('\t');
                    using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), parts[0]);
                    if (parts.Length > 1)
                    {
                        request.Content = new StringContent(parts[1], System.Text.Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request);
                    Assert.True(
                        response.IsSuccessStatusCode,
                        $"{line}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
                    );
                }
            }
        }
        finally
        {
            File.Delete(scratch);
        }

        var overlaps = await mongo.CheckOverlapsAsync(CancellationToken.None);
        Assert.Equal((0L, 0L, 203L), (overlaps.DoctorOverlaps, overlaps.PatientOverlaps, overlaps.Appointments));
    }

    public void Dispose()
    {
        if (MongoTestServer.IsRealServer)
        {
            Clinic.Client.DropDatabase(database);
        }

        mongo.Dispose();
    }

    private static Task<long> CountAsync<T>(IMongoCollection<T> collection) =>
        collection.CountDocumentsAsync(FilterDefinition<T>.Empty);

    private static AppointmentDocument Copy(
        AppointmentDocument source,
        Guid doctorId,
        Guid patientId,
        string status,
        int minutesLater
    ) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            DoctorId = doctorId,
            PatientId = patientId,
            StartsAt = source.StartsAt.AddMinutes(minutesLater),
            EndsAt = source.EndsAt.AddMinutes(minutesLater),
            Status = status,
            Reason = "Overlap",
            CreatedAt = source.CreatedAt,
            UpdatedAt = source.CreatedAt,
        };

    /// <summary>Reports on the caller's thread, so the last value is in place when the load returns.</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

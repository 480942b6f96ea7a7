using System.Diagnostics;
using AppointmentSlices.Bench.Data;
using AppointmentSlices.Bench.Database;
using AppointmentSlices.Bench.Hosting;
using AppointmentSlices.Bench.Load;
using AppointmentSlices.Bench.Report;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace AppointmentSlices.Bench.Cli;

/// <summary>
/// The study from start to end: generate the clinic, load it, then for each scenario start the host with that
/// scenario's settings, drive each endpoint with wrk while sampling the host, and check the data afterwards.
/// </summary>
public sealed class Study(StudySettings settings)
{
    private readonly ILogger logger = NullLogger.Instance;

    public async Task<StudyResult> RunAsync(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var wrkVersion = await WrkRunner.VersionAsync();
        var machine = MachineInfo.Read(wrkVersion);
        var root = RepositoryRoot.Find();
        var work = settings.WorkDir ?? Path.Combine(Path.GetTempPath(), "appointment-slices-bench");
        Directory.CreateDirectory(work);
        var scenarios = Scenario.Known.Where(settings.ScenarioNames.Contains).ToList();
        var pgScenarios = scenarios.Where(s => s != Scenario.Mongo).ToList();

        var mongoUri = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;
        var mongoRuns = scenarios.Contains(Scenario.Mongo) && mongoUri is not null && settings.Url is null;
        var build =
            settings.Url is null && (pgScenarios.Count > 0 || mongoRuns)
                ? ServiceHost.BuildAsync(root, ct)
                : Task.FromResult("");
        var data = Status("Generating the clinic (Bogus, fixed seed)", () =>
            DatasetGenerator.Generate(settings.ScaleValue, DateOnly.FromDateTime(DateTime.UtcNow))
        );
        AnsiConsole.MarkupLineInterpolated(
            $"Generated {data.Doctors.Count:N0} doctors, {data.Patients.Count:N0} patients, {data.Appointments.Count:N0} appointments in {data.GenerationTime.TotalSeconds:0.0} s"
        );

        var results = new List<ScenarioResult>();
        IReadOnlyDictionary<string, string> dbSettings = new Dictionary<string, string>();
        DataLoad? load = null;
        if (pgScenarios.Count > 0)
        {
            await using var postgres = settings.Url is null
                ? await BenchPostgres.StartLocalAsync(work, logger, ct)
                : BenchPostgres.Attach(settings.Postgres!, logger);
            load = await LoadAsync(postgres, data, ct);
            dbSettings = await postgres.ServerSettingsAsync();
            var apiKey = await postgres.IssueApiKeyAsync();
            var hostAssembly = await Status("Building the host in Release", () => build);
            var shares = pgScenarios.Count * 2;
            foreach (var (name, index) in pgScenarios.Select((n, i) => (n, i)))
            {
                double? indexBuild = null;
                if (name == Scenario.PgIndexed && settings.Url is null)
                {
                    var timer = Stopwatch.StartNew();
                    Status("Building the query indexes", () => postgres.Migrate(withQueryIndexes: true));
                    await postgres.VacuumAnalyzeAsync();
                    indexBuild = timer.Elapsed.TotalSeconds;
                }

                var run = new ScenarioRun(settings, data, work, apiKey, index * 2, shares);
                results.Add(await run.RunAsync(name, postgres, hostAssembly, indexBuild, ct));
            }
        }

        if (scenarios.Contains(Scenario.Mongo))
        {
            results.Add(
                mongoRuns
                    ? await RunMongoAsync(mongoUri!, data, work, build, ct)
                    : MongoNotRun(
                        mongoUri is null
                            ? "MONGODB_URI is not set. The MongoDB scenario runs only against a real MongoDB server "
                                + "(a replica set) named by MONGODB_URI; the bench never measures the MongoDB "
                                + "test server."
                            : "--url measures a host you started, on PostgreSQL; the MongoDB scenario starts a host of "
                                + "its own. Run it without --url."
                    )
            );
        }

        var options = new StudyOptions(
            data.Scale.Name,
            settings.DurationValue.TotalSeconds,
            settings.WarmupValue.TotalSeconds,
            settings.ConnectionsValue,
            settings.ThreadsValue,
            settings.TimeoutValue.TotalSeconds,
            settings.Quick,
            settings.Url ?? "host started by the bench (Release build, loopback)",
            settings.HostConnectionOptions
        );
        return new StudyResult(
            started,
            clock.Elapsed.TotalSeconds,
            machine,
            options,
            load ?? Describe(data, 0, 0, 0, []),
            ServiceHost.BenchSettings,
            dbSettings,
            results
        );
    }

    private async Task<DataLoad> LoadAsync(BenchPostgres postgres, ClinicDataset data, CancellationToken ct)
    {
        if (settings.Url is null)
        {
            postgres.Migrate(withQueryIndexes: false);
        }
        else if (!await postgres.IsEmptyAsync())
        {
            throw new InvalidOperationException(
                "The database given with --postgres already holds doctors; give an empty one."
            );
        }

        var timer = Stopwatch.StartNew();
        var phases = await LoadWithProgressAsync(
            "Loading PostgreSQL (binary COPY)",
            data.TotalRows,
            new PostgresLoader(postgres.DataSource),
            data,
            ct
        );
        var loadSeconds = timer.Elapsed.TotalSeconds;
        timer.Restart();
        await Status("VACUUM (ANALYZE)", postgres.VacuumAnalyzeAsync);
        var vacuum = timer.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLineInterpolated(
            $"Loaded {data.TotalRows:N0} rows in {loadSeconds:0.0} s, vacuumed and analysed in {vacuum:0.0} s"
        );
        WritePhases(phases);
        return Describe(data, loadSeconds, vacuum, data.TotalRows, phases);
    }

    private static DataLoad Describe(
        ClinicDataset data,
        double load,
        double vacuum,
        long rows,
        IReadOnlyList<LoadPhase> phases
    ) =>
        new(
            data.Doctors.Count,
            data.Patients.Count,
            data.Appointments.Count,
            data.FreeSlots.Count,
            data.Calendar.DateOf(0).ToString("O"),
            data.Calendar.DateOf(data.Calendar.DayCount - 1).ToString("O"),
            data.GenerationTime.TotalSeconds,
            load,
            vacuum,
            rows,
            phases
        );

    /// <summary>
    /// The MongoDB scenario on a database of its own (dropped first), loaded with batched inserts, then indexed as
    /// the product indexes it with query indexes on. The server must be a real MongoDB: the MongoDB-wire test
    /// server the tests use scans instead of using indexes, so its figures would mean nothing, and nothing here
    /// can tell the two apart.
    /// </summary>
    private async Task<ScenarioResult> RunMongoAsync(
        string uri,
        ClinicDataset data,
        string work,
        Task<string> build,
        CancellationToken ct
    )
    {
        using var mongo = await Status($"Recreating the MongoDB database {BenchMongo.DatabaseName}", () =>
            BenchMongo.StartAsync(uri, BenchMongo.DatabaseName, ct)
        );
        var load = await LoadAsync(mongo, data, ct);
        var timer = Stopwatch.StartNew();
        await Status("Building MongoDB's indexes (unique and query)", () => mongo.CreateIndexesAsync(ct));
        var indexBuild = timer.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLineInterpolated($"Built MongoDB's indexes in {indexBuild:0.0} s");
        var apiKey = await mongo.IssueApiKeyAsync(ct);
        var hostAssembly = await Status("Building the host in Release", () => build);
        // A database of its own: every free slot is this scenario's to book.
        var run = new ScenarioRun(settings, data, work, apiKey, 0, 2);
        return await run.RunMongoAsync(mongo, hostAssembly, indexBuild, load, ct);
    }

    private static async Task<ScenarioLoad> LoadAsync(BenchMongo mongo, ClinicDataset data, CancellationToken ct)
    {
        var documents = MongoLoader.DocumentCount(data);
        var timer = Stopwatch.StartNew();
        var phases = await LoadWithProgressAsync(
            "Loading MongoDB (batched InsertMany)",
            documents,
            new MongoLoader(mongo.Clinic),
            data,
            ct
        );
        var seconds = timer.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLineInterpolated($"Loaded {documents:N0} MongoDB documents in {seconds:0.0} s");
        WritePhases(phases);

        return new ScenarioLoad(
            $"batched unordered InsertMany ({MongoLoader.BatchSize:N0} documents a batch, two in flight)",
            documents,
            seconds,
            phases,
            await mongo.ServerSettingsAsync(ct)
        );
    }

    private static ScenarioResult MongoNotRun(string reason)
    {
        AnsiConsole.MarkupLineInterpolated($"[yellow]MongoDB not run: {reason}[/]");
        return new ScenarioResult(Scenario.Mongo, Scenario.Title(Scenario.Mongo), reason, null, [], [], [], null, []);
    }

    /// <summary>Runs a loader under a progress bar of <paramref name="total"/> rows or documents.</summary>
    private static async Task<IReadOnlyList<LoadPhase>> LoadWithProgressAsync(
        string title,
        long total,
        IDatasetLoader loader,
        ClinicDataset data,
        CancellationToken ct
    )
    {
        IReadOnlyList<LoadPhase> phases = [];
        await AnsiConsole
            .Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn()
            )
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(title, maxValue: total);
                phases = await loader.LoadAsync(data, new Progress<long>(n => task.Value = n), ct);
                task.Value = total;
            });
        return phases;
    }

    private static void WritePhases(IReadOnlyList<LoadPhase> phases)
    {
        foreach (var phase in phases)
        {
            AnsiConsole.MarkupLineInterpolated($"  {phase.Name}: {phase.Seconds:0.0} s");
        }
    }

    private static T Status<T>(string what, Func<T> work) => AnsiConsole.Status().Start(what, _ => work());

    private static void Status(string what, Action work) => AnsiConsole.Status().Start(what, _ => work());

    private static Task<T> Status<T>(string what, Func<Task<T>> work) =>
        AnsiConsole.Status().StartAsync(what, _ => work());

    private static Task Status(string what, Func<Task> work) => AnsiConsole.Status().StartAsync(what, _ => work());
}

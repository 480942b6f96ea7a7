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

        var build =
            settings.Url is null && pgScenarios.Count > 0 ? ServiceHost.BuildAsync(root, ct) : Task.FromResult("");
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
            results.Add(MongoNotRun());
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
                var task = progress.AddTask("Loading PostgreSQL (binary COPY)", maxValue: data.TotalRows);
                phases = await new PostgresLoader(postgres.DataSource).LoadAsync(
                    data,
                    new Progress<long>(n => task.Value = n),
                    ct
                );
                task.Value = data.TotalRows;
            });
        var loadSeconds = timer.Elapsed.TotalSeconds;
        timer.Restart();
        await Status("VACUUM (ANALYZE)", postgres.VacuumAnalyzeAsync);
        var vacuum = timer.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLineInterpolated(
            $"Loaded {data.TotalRows:N0} rows in {loadSeconds:0.0} s, vacuumed and analysed in {vacuum:0.0} s"
        );
        foreach (var phase in phases)
        {
            AnsiConsole.MarkupLineInterpolated($"  {phase.Name}: {phase.Seconds:0.0} s");
        }

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

    private static ScenarioResult MongoNotRun()
    {
        var uri = Environment.GetEnvironmentVariable("MONGODB_URI");
        var reason = string.IsNullOrWhiteSpace(uri)
            ? "MONGODB_URI is not set. The MongoDB scenario runs only against a real MongoDB server named by MONGODB_URI; "
                + "the bench never measures the MongoDB test server."
            : "MONGODB_URI is set, but this build of the bench has no MongoDB loader yet and the host has no MongoDB "
                + "stores to measure; see the README's load study section, 'MongoDB'.";
        AnsiConsole.MarkupLineInterpolated($"[yellow]MongoDB not run: {reason}[/]");
        return new ScenarioResult(Scenario.Mongo, Scenario.Title(Scenario.Mongo), reason, null, [], [], [], null, []);
    }

    private static T Status<T>(string what, Func<T> work) => AnsiConsole.Status().Start(what, _ => work());

    private static void Status(string what, Action work) => AnsiConsole.Status().Start(what, _ => work());

    private static Task<T> Status<T>(string what, Func<Task<T>> work) =>
        AnsiConsole.Status().StartAsync(what, _ => work());

    private static Task Status(string what, Func<Task> work) => AnsiConsole.Status().StartAsync(what, _ => work());
}

using AppointmentSlices.Bench.Data;
using AppointmentSlices.Bench.Database;
using AppointmentSlices.Bench.Hosting;
using AppointmentSlices.Bench.Load;
using AppointmentSlices.Bench.Report;
using Spectre.Console;

namespace AppointmentSlices.Bench.Cli;

/// <summary>
/// One scenario, on PostgreSQL or MongoDB: its indexes and query plans, then the host under wrk one endpoint at a
/// time (health first, as the yardstick; booking last, since it changes the data), then the overlap check.
/// </summary>
public sealed class ScenarioRun(
    StudySettings settings,
    ClinicDataset data,
    string work,
    string apiKey,
    int share,
    int shares
)
{
    private static readonly string[] Order = ["health", "doctors", "slots", "appointments", "patients", "booking"];

    public async Task<ScenarioResult> RunAsync(
        string name,
        BenchPostgres postgres,
        string hostAssembly,
        double? indexBuildSeconds,
        CancellationToken ct
    )
    {
        AnsiConsole.Write(new Rule(Scenario.Title(name)).LeftJustified());
        var indexes = await postgres.IndexesAsync();
        var plans = await QueryPlans.ExplainAsync(postgres.DataSource, data);

        var connectionString = settings.HostConnectionOptions is { } extra
            ? $"{postgres.ConnectionString};{extra}"
            : postgres.ConnectionString;
        await using var host = settings.Url is null
            ? await ServiceHost.StartAsync(
                hostAssembly,
                ServiceHost.OnPostgres(connectionString, name == Scenario.PgIndexed),
                Path.Combine(work, $"host-{name}.log"),
                ct
            )
            : null;
        var (runs, timeline) = await DriveAsync(
            name,
            host?.Url ?? settings.Url!,
            host?.MetricsUrl ?? settings.MetricsUrl,
            "postgres",
            ct
        );

        var overlaps = await postgres.CheckOverlapsAsync();
        ReportOverlaps(overlaps);
        return new ScenarioResult(
            name,
            Scenario.Title(name),
            null,
            indexBuildSeconds,
            indexes,
            plans,
            runs,
            overlaps,
            timeline
        );
    }

    /// <summary>The MongoDB scenario, in the bench's database, loaded and indexed: a host of its own.</summary>
    public async Task<ScenarioResult> RunMongoAsync(
        BenchMongo mongo,
        string hostAssembly,
        double indexBuildSeconds,
        ScenarioLoad load,
        CancellationToken ct
    )
    {
        AnsiConsole.Write(new Rule(Scenario.Title(Scenario.Mongo)).LeftJustified());
        var indexes = await mongo.IndexesAsync(ct);
        var plans = await MongoQueryPlans.ExplainAsync(mongo.Clinic, data);

        await using var host = await ServiceHost.StartAsync(
            hostAssembly,
            ServiceHost.OnMongo(mongo.ConnectionString),
            Path.Combine(work, $"host-{Scenario.Mongo}.log"),
            ct
        );
        var (runs, timeline) = await DriveAsync(Scenario.Mongo, host.Url, host.MetricsUrl, "mongod", ct);

        var overlaps = await Status("Checking for overlapping appointments", () => mongo.CheckOverlapsAsync(ct));
        ReportOverlaps(overlaps);
        return new ScenarioResult(
            Scenario.Mongo,
            Scenario.Title(Scenario.Mongo),
            null,
            indexBuildSeconds,
            indexes,
            plans,
            runs,
            overlaps,
            timeline,
            load
        );
    }

    private async Task<(List<EndpointRun> Runs, List<ServerSample> Timeline)> DriveAsync(
        string name,
        string url,
        string? metricsUrl,
        string databaseProcess,
        CancellationToken ct
    )
    {
        var script = Path.Combine(AppContext.BaseDirectory, "lua", "study.lua");
        var wrk = new WrkRunner(script, settings.ThreadsValue, settings.ConnectionsValue, settings.TimeoutValue);

        var runs = new List<EndpointRun>();
        var timeline = new List<ServerSample>();
        foreach (
            var endpoint in Order
                .Where(settings.EndpointNames.Contains)
                .Select(n => Endpoint.All.Single(e => e.Name == n))
        )
        {
            var warmup = Path.Combine(work, $"{name}-{endpoint.Name}-warmup.txt");
            var measured = Path.Combine(work, $"{name}-{endpoint.Name}.txt");
            endpoint.WriteRequests(warmup, data, share, shares);
            endpoint.WriteRequests(measured, data, share + 1, shares);
            await wrk.RunAsync(url, endpoint, warmup, apiKey, settings.WarmupValue, ct);

            await using var sampler = new ServerSampler(metricsUrl, databaseProcess);
            sampler.Start();
            var result = await wrk.RunAsync(url, endpoint, measured, apiKey, settings.DurationValue, ct);
            var samples = await sampler.StopAsync();
            var offset = timeline.Count == 0 ? 0 : timeline[^1].Seconds;
            timeline.AddRange(samples.Select(s => s with { Seconds = offset + s.Seconds }));
            var run = new EndpointRun(
                endpoint.Name,
                endpoint.Method,
                endpoint.Route,
                endpoint.Spread,
                result,
                ServerFigures.From(samples)
            );
            runs.Add(run);
            AnsiConsole.MarkupLineInterpolated(
                $"  {endpoint.Name, -13} {result.RequestsPerSecond, 9:N0} req/s  avg {result.MeanUs / 1000, 7:0.00} ms  p99 {result.P99Us / 1000.0, 7:0.00} ms  non-2xx {result.Non2xx, 6}  timeouts {result.Timeouts, 5}  host CPU {run.Server.HostCpuCores:0.00}  db CPU {run.Server.DatabaseCpuCores:0.00}"
            );
        }

        return (runs, timeline);
    }

    private static void ReportOverlaps(OverlapCheck overlaps) =>
        AnsiConsole.MarkupLineInterpolated(
            $"  overlapping appointments: doctors {overlaps.DoctorOverlaps}, patients {overlaps.PatientOverlaps}"
        );

    private static Task<T> Status<T>(string what, Func<Task<T>> work) =>
        AnsiConsole.Status().StartAsync(what, _ => work());
}

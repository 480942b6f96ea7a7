using AppointmentSlices.Bench.Data;
using AppointmentSlices.Bench.Database;
using AppointmentSlices.Bench.Load;

namespace AppointmentSlices.Bench.Report;

public sealed record StudyResult(
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    MachineInfo Machine,
    StudyOptions Options,
    DataLoad Data,
    IReadOnlyDictionary<string, string> HostSettings,
    IReadOnlyDictionary<string, string> DatabaseSettings,
    IReadOnlyList<ScenarioResult> Scenarios
);

public sealed record StudyOptions(
    string Scale,
    double DurationSeconds,
    double WarmupSeconds,
    int Connections,
    int Threads,
    double TimeoutSeconds,
    bool Quick,
    string Target,
    string? HostConnectionOptions
);

public sealed record DataLoad(
    int Doctors,
    int Patients,
    int Appointments,
    int FreeSlots,
    string FirstDay,
    string LastDay,
    double GenerationSeconds,
    double LoadSeconds,
    double VacuumAnalyzeSeconds,
    long Rows,
    IReadOnlyList<LoadPhase> LoadPhases
);

public sealed record ScenarioResult(
    string Name,
    string Title,
    string? NotRunReason,
    double? IndexBuildSeconds,
    IReadOnlyList<IndexDefinition> Indexes,
    IReadOnlyList<QueryPlan> Plans,
    IReadOnlyList<EndpointRun> Endpoints,
    OverlapCheck? Overlaps,
    IReadOnlyList<ServerSample> Samples,
    ScenarioLoad? Load = null
)
{
    public bool Ran => NotRunReason is null;

    public EndpointRun? Find(string endpoint) => Endpoints.FirstOrDefault(e => e.Endpoint == endpoint);

    /// <summary>The endpoint's requests/s as a fraction of /api/health's in the same scenario.</summary>
    public double? FractionOfHealth(EndpointRun run) =>
        Find("health") is { Wrk.RequestsPerSecond: > 0 } health
            ? run.Wrk.RequestsPerSecond / health.Wrk.RequestsPerSecond
            : null;
}

/// <summary>
/// A scenario's own load, when it doesn't run on the shared PostgreSQL one (MongoDB): documents written, the time
/// it took and its phases, and the server's version and the like.
/// </summary>
public sealed record ScenarioLoad(
    string Method,
    long Documents,
    double LoadSeconds,
    IReadOnlyList<LoadPhase> Phases,
    IReadOnlyDictionary<string, string> ServerSettings
);

public sealed record EndpointRun(
    string Endpoint,
    string Method,
    string Route,
    string Spread,
    WrkResult Wrk,
    ServerFigures Server
);

/// <summary>The host's side of one endpoint's run. CPU in cores busy (2.0 = both cores of a 2-core machine).</summary>
public sealed record ServerFigures(
    double HostCpuCores,
    double DatabaseCpuCores,
    double PeakWorkingSetMb,
    double PeakGcHeapMb,
    double GcPauseMs,
    double MeanThreadPoolQueue,
    double MaxThreadPoolQueue
)
{
    public static ServerFigures From(IReadOnlyList<ServerSample> samples) =>
        new(
            Rate(samples, s => s.HostCpuSeconds),
            Rate(samples, s => s.DatabaseCpuSeconds),
            Peak(samples, s => s.WorkingSetBytes) / 1048576,
            Peak(samples, s => s.GcHeapBytes) / 1048576,
            Rate(samples, s => s.GcPauseSeconds) * Span(samples, s => s.GcPauseSeconds) * 1000,
            Known(samples, s => s.ThreadPoolQueue).DefaultIfEmpty(double.NaN).Average(),
            Peak(samples, s => s.ThreadPoolQueue)
        );

    // A scrape can fail under load; the figures come from the samples that succeeded.
    private static IEnumerable<double> Known(IReadOnlyList<ServerSample> samples, Func<ServerSample, double> value) =>
        samples.Select(value).Where(v => !double.IsNaN(v));

    private static double Peak(IReadOnlyList<ServerSample> samples, Func<ServerSample, double> value) =>
        Known(samples, value).DefaultIfEmpty(double.NaN).Max();

    private static double Span(IReadOnlyList<ServerSample> samples, Func<ServerSample, double> value)
    {
        var known = samples.Where(s => !double.IsNaN(value(s))).ToList();
        return known.Count < 2 ? double.NaN : known[^1].Seconds - known[0].Seconds;
    }

    /// <summary>How fast a counter grew per second between the first and the last sample that have it.</summary>
    private static double Rate(IReadOnlyList<ServerSample> samples, Func<ServerSample, double> value)
    {
        var known = samples.Where(s => !double.IsNaN(value(s))).ToList();
        return known.Count < 2 || known[^1].Seconds <= known[0].Seconds
            ? double.NaN
            : (value(known[^1]) - value(known[0])) / (known[^1].Seconds - known[0].Seconds);
    }
}

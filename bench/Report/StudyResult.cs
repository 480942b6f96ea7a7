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
    string Target
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
    long Rows
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
    IReadOnlyList<ServerSample> Samples
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
    public static ServerFigures From(IReadOnlyList<ServerSample> samples)
    {
        if (samples.Count < 2)
        {
            return new ServerFigures(
                double.NaN,
                double.NaN,
                double.NaN,
                double.NaN,
                double.NaN,
                double.NaN,
                double.NaN
            );
        }

        var (first, last) = (samples[0], samples[^1]);
        var seconds = last.Seconds - first.Seconds;
        return new ServerFigures(
            (last.HostCpuSeconds - first.HostCpuSeconds) / seconds,
            (last.DatabaseCpuSeconds - first.DatabaseCpuSeconds) / seconds,
            samples.Max(s => s.WorkingSetBytes) / 1048576,
            samples.Max(s => s.GcHeapBytes) / 1048576,
            (last.GcPauseSeconds - first.GcPauseSeconds) * 1000,
            samples.Average(s => s.ThreadPoolQueue),
            samples.Max(s => s.ThreadPoolQueue)
        );
    }
}

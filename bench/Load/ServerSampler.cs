using System.Diagnostics;
using System.Globalization;

namespace AppointmentSlices.Bench.Load;

public sealed record ServerSample(
    double Seconds,
    double HostCpuSeconds,
    double WorkingSetBytes,
    double GcHeapBytes,
    double GcPauseSeconds,
    double ThreadPoolQueue,
    double DatabaseCpuSeconds
);

/// <summary>
/// Samples the host once a second from its Prometheus metrics (.NET runtime meters: CPU time, working set, GC
/// heap, GC pause time, thread-pool queue), plus the CPU time of the database's processes on this machine from
/// /proc: <c>postgres</c>, or <c>mongod</c> for the MongoDB scenario (none when the server runs elsewhere).
/// </summary>
public sealed class ServerSampler(string? metricsUrl, string databaseProcess = "postgres") : IAsyncDisposable
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly List<ServerSample> samples = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private Dictionary<int, long> lastTicks = [];
    private long databaseTicks;
    private bool databaseSeen;
    private CancellationTokenSource? running;
    private Task? loop;

    public IReadOnlyList<ServerSample> Samples => samples;

    public void Start()
    {
        running = new CancellationTokenSource();
        loop = Task.Run(() => LoopAsync(running.Token));
    }

    public async Task<IReadOnlyList<ServerSample>> StopAsync()
    {
        await running!.CancelAsync();
        await loop!;
        await TakeAsync();
        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        if (running is { IsCancellationRequested: false })
        {
            await StopAsync();
        }

        client.Dispose();
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await TakeAsync();
            try
            {
                await Task.Delay(1000, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TakeAsync()
    {
        var metrics = new Dictionary<string, double>();
        if (metricsUrl is not null)
        {
            try
            {
                metrics = Prometheus.Sum(await client.GetStringAsync(metricsUrl));
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }

        double Get(string name) => metrics.GetValueOrDefault(name, double.NaN);
        samples.Add(
            new ServerSample(
                clock.Elapsed.TotalSeconds,
                Get("dotnet_process_cpu_time_seconds_total"),
                Get("dotnet_process_memory_working_set_bytes"),
                Get("dotnet_gc_last_collection_heap_size_bytes"),
                Get("dotnet_gc_pause_time_seconds_total"),
                Get("dotnet_thread_pool_queue_length"),
                DatabaseCpuSeconds()
            )
        );
    }

    /// <summary>
    /// CPU seconds the database's processes used since sampling began (Linux only, and NaN while none was seen).
    /// Kept as a running sum of each process's growth, so a backend that exits takes nothing back from the total.
    /// </summary>
    private double DatabaseCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        var seen = new Dictionary<int, long>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && DatabaseTicks(folder) is { } ticks)
            {
                seen[pid] = ticks;
                databaseSeen = true;
                databaseTicks += ticks - (lastTicks.TryGetValue(pid, out var before) && before <= ticks ? before : 0);
            }
        }

        lastTicks = seen;
        // USER_HZ is 100 on Linux; only differences between samples are used.
        return databaseSeen ? databaseTicks / 100.0 : double.NaN;
    }

    private long? DatabaseTicks(string folder)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var close = stat.LastIndexOf(')');
            if (close < 0 || !stat.AsSpan(0, close).EndsWith("(" + databaseProcess, StringComparison.Ordinal))
            {
                return null;
            }

            var fields = stat[(close + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture)
                + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

internal static class Prometheus
{
    /// <summary>Each metric's samples summed over their labels.</summary>
    public static Dictionary<string, double> Sum(string text)
    {
        var sums = new Dictionary<string, double>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny([' ', '{']);
            var valueStart = line.LastIndexOf('}') is var brace and >= 0 ? brace + 2 : nameEnd + 1;
            var valueText = line[valueStart..].Split(' ')[0];
            if (
                nameEnd > 0
                && double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            )
            {
                var name = line[..nameEnd];
                sums[name] = sums.GetValueOrDefault(name) + value;
            }
        }

        return sums;
    }
}

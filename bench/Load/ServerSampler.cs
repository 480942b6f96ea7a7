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
/// heap, GC pause time, thread-pool queue), plus the CPU time of the machine's PostgreSQL processes from /proc.
/// </summary>
public sealed class ServerSampler(string? metricsUrl) : IAsyncDisposable
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly List<ServerSample> samples = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private Dictionary<int, long> lastTicks = [];
    private long postgresTicks;
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
                PostgresCpuSeconds()
            )
        );
    }

    /// <summary>
    /// CPU seconds the machine's postgres processes used since sampling began (Linux only; else NaN). Kept as a
    /// running sum of each process's growth, so a backend that exits takes nothing back from the total.
    /// </summary>
    private double PostgresCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        var seen = new Dictionary<int, long>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && PostgresTicks(folder) is { } ticks)
            {
                seen[pid] = ticks;
                postgresTicks += ticks - (lastTicks.TryGetValue(pid, out var before) && before <= ticks ? before : 0);
            }
        }

        lastTicks = seen;
        return postgresTicks / 100.0; // USER_HZ is 100 on Linux; only differences between samples are used
    }

    private static long? PostgresTicks(string folder)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var close = stat.LastIndexOf(')');
            if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
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

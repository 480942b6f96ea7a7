using System.Globalization;
using System.Text.Json;
using AppointmentSlices.Bench.Hosting;

namespace AppointmentSlices.Bench.Load;

/// <summary>Runs wrk with the study's Lua script against one endpoint and reads the totals it prints.</summary>
public sealed class WrkRunner(string script, int threads, int connections, TimeSpan timeout)
{
    private const string Marker = "BENCH-JSON ";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static async Task<string> VersionAsync()
    {
        try
        {
            var output = await ProcessRunner.RunAsync("wrk", ["-v"], check: false);
            return output.Split('\n').FirstOrDefault(l => l.StartsWith("wrk", StringComparison.Ordinal))?.Trim()
                ?? "wrk";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install wrk (or build it from source).");
        }
    }

    public async Task<WrkResult> RunAsync(
        string url,
        Endpoint endpoint,
        string requestsFile,
        string? apiKey,
        TimeSpan duration,
        CancellationToken ct
    )
    {
        string[] arguments =
        [
            $"-t{threads}",
            $"-c{Math.Max(connections, threads)}",
            $"-d{Seconds(duration)}s",
            "--timeout",
            $"{Seconds(timeout)}s",
            "-s",
            script,
            url,
            "--",
            requestsFile,
            endpoint.Method,
            apiKey is not null && endpoint.StaffOnly ? apiKey : "-",
            threads.ToString(CultureInfo.InvariantCulture),
        ];
        var output = await ProcessRunner.RunAsync("wrk", arguments, ct: ct);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result:\n{output}");
        return JsonSerializer.Deserialize<WrkResult>(line[Marker.Length..], Json)!;
    }

    private static string Seconds(TimeSpan time) =>
        Math.Max(1, (int)Math.Ceiling(time.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

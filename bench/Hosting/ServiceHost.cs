using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AppointmentSlices.Bench.Hosting;

/// <summary>
/// The service under test: built once in Release, then started per scenario with that scenario's settings,
/// its logs in a file of the work folder. Rate limits are raised far past what the load can reach, console
/// logging is cut to warnings, and metrics are served without credentials on a loopback management port.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServiceHost(Process process, StreamWriter log, string url, string metricsUrl)
    {
        this.process = process;
        this.log = log;
        Url = url;
        MetricsUrl = metricsUrl;
    }

    public string Url { get; }

    public string MetricsUrl { get; }

    public int ProcessId => process.Id;

    public static readonly IReadOnlyDictionary<string, string> BenchSettings = new Dictionary<string, string>
    {
        ["Seed:DemoData"] = "false",
        ["RateLimits:General:PermitLimit"] = "1000000000",
        ["RateLimits:Booking:PermitLimit"] = "1000000000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Performance:SlowRequestMs"] = "2000",
    };

    public static async Task<string> BuildAsync(string root, CancellationToken ct)
    {
        var project = Path.Combine(root, "src", "Web", "AppointmentSlices.Web.csproj");
        await ProcessRunner.RunAsync(
            "dotnet",
            ["build", project, "-c", "Release", "-nologo", "-v", "quiet"],
            root,
            ct: ct
        );
        return Path.Combine(root, "src", "Web", "bin", "Release", "net10.0", "AppointmentSlices.Web.dll");
    }

    /// <summary>The storage settings of a PostgreSQL scenario.</summary>
    public static IReadOnlyDictionary<string, string> OnPostgres(string connectionString, bool queryIndexes) =>
        new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Storage:QueryIndexes"] = queryIndexes ? "true" : "false",
        };

    /// <summary>The storage settings of the MongoDB scenario; the host needs no PostgreSQL then.</summary>
    public static IReadOnlyDictionary<string, string> OnMongo(string connectionString) =>
        new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Mongo",
            ["ConnectionStrings:Mongo"] = connectionString,
            ["Storage:QueryIndexes"] = "true",
        };

    public static async Task<ServiceHost> StartAsync(
        string assembly,
        IReadOnlyDictionary<string, string> storage,
        string logFile,
        CancellationToken ct
    )
    {
        var port = FreePort();
        var metricsPort = FreePort();
        var settings = new Dictionary<string, string>(BenchSettings)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Metrics:Port"] = metricsPort.ToString(),
        };
        foreach (var (key, value) in storage)
        {
            settings[key] = value;
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.ArgumentList.Add(assembly);
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new ServiceHost(process, log, $"http://127.0.0.1:{port}", $"http://127.0.0.1:{metricsPort}/metrics");
        await host.WaitUntilReadyAsync(logFile, ct);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private async Task WaitUntilReadyAsync(string logFile, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host stopped during start-up; see {logFile}.");
            }

            try
            {
                if ((await client.GetAsync($"{Url}/api/health", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"The host did not answer /api/health within 3 minutes; see {logFile}.");
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

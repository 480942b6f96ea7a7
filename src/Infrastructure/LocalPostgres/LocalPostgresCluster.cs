using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppointmentSlices.Infrastructure.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster in a data folder of its own, listening on a free loopback port. It is created on
/// the first start, reused afterwards, and stopped on dispose by the process that started it.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private readonly ClusterCommands commands;
    private readonly ILogger logger;
    private readonly bool ownsServer;
    private int stopped;

    private LocalPostgresCluster(
        ClusterCommands commands,
        ILogger logger,
        string dataDirectory,
        int port,
        string database,
        bool ownsServer
    )
    {
        this.commands = commands;
        this.logger = logger;
        this.ownsServer = ownsServer;
        DataDirectory = dataDirectory;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = "postgres",
            Database = database,
        }.ConnectionString;
        if (ownsServer)
        {
            // Stops the server even when the host exits without disposing the cluster.
            AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;
        }
    }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public static async Task<LocalPostgresCluster> StartAsync(
        LocalPostgresOptions options,
        ILogger logger,
        CancellationToken cancellationToken = default
    )
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "The local PostgreSQL launcher runs on Linux and macOS; on Windows set ConnectionStrings__Postgres "
                    + "or run `docker compose up`."
            );
        }

        var asPostgresUser = OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;
        var commands = new ClusterCommands(PostgresBinaries.Locate(options.BinDirectory), asPostgresUser);
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? ClusterDataDirectory.DefaultPath(asPostgresUser));
        await ClusterDataDirectory.EnsureInitializedAsync(dataDirectory, commands, logger, cancellationToken);

        var status = await commands.TryRunAsync("pg_ctl", ["status", "-D", dataDirectory], cancellationToken);
        var running = status.ExitCode == 0;
        if (running && !ClusterDataDirectory.PostmasterIsPostgres(dataDirectory))
        {
            // A crash left postmaster.pid behind and its PID now belongs to another program (after a reboot or a
            // container restart); the server would refuse to start until the stale file is gone.
            File.Delete(ClusterDataDirectory.PidFile(dataDirectory));
            running = false;
        }

        if (running)
        {
            // pg_ctl status only shows that the process in postmaster.pid is alive; the port shows it is ready.
            var runningPort = ClusterDataDirectory.ReadPort(dataDirectory);
            if (!await LoopbackPort.WaitUntilOpenAsync(runningPort, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL server of {dataDirectory} seems to run but does not answer on port {runningPort}. "
                        + $"If no such server runs, delete {ClusterDataDirectory.PidFile(dataDirectory)}."
                );
            }

            // A server whose starter died (killed, crashed) is adopted, so that it is stopped this time.
            var adopt = ServerOwner.IsOrphaned(dataDirectory);
            if (adopt)
            {
                ServerOwner.Claim(dataDirectory);
            }

            logger.LogInformation(
                "Reusing PostgreSQL already running on port {Port} for {DataDirectory} (stop on exit: {Adopted})",
                runningPort,
                dataDirectory,
                adopt
            );
            return new LocalPostgresCluster(commands, logger, dataDirectory, runningPort, options.Database, adopt);
        }

        // A postmaster.pid whose process is gone needs no help: the server itself replaces it.
        var port = await StartServerAsync(commands, dataDirectory, logger, cancellationToken);
        ServerOwner.Claim(dataDirectory);
        return new LocalPostgresCluster(commands, logger, dataDirectory, port, options.Database, ownsServer: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsServer && Interlocked.Exchange(ref stopped, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
            await StopAsync();
        }
    }

    private static async Task<int> StartServerAsync(
        ClusterCommands commands,
        string dataDirectory,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        var started = Stopwatch.GetTimestamp();
        var port = LoopbackPort.Free();
        var log = Path.Combine(dataDirectory, "server.log");
        // Unix socket paths are limited to about 100 bytes; a deep data folder gets TCP only.
        var socketDirectory = dataDirectory.Length < 80 ? dataDirectory : "";
        var serverOptions = $"-p {port} -c listen_addresses=127.0.0.1 -k '{socketDirectory.Replace("'", "'\\''")}'";
        await commands.RunAsync(
            "pg_ctl",
            ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", log, "-o", serverOptions],
            log,
            cancellationToken
        );
        logger.LogInformation(
            "Started PostgreSQL on port {Port} for {DataDirectory} in {ElapsedMs} ms",
            port,
            dataDirectory,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds
        );
        return port;
    }

    private async Task StopAsync()
    {
        try
        {
            var log = Path.Combine(DataDirectory, "server.log");
            await commands.RunAsync(
                "pg_ctl",
                ["stop", "-m", "fast", "-w", "-D", DataDirectory],
                log,
                CancellationToken.None
            );
            ServerOwner.Release(DataDirectory);
            logger.LogInformation("Stopped PostgreSQL for {DataDirectory}", DataDirectory);
        }
        catch (InvalidOperationException exception)
        {
            logger.LogWarning(exception, "Could not stop PostgreSQL for {DataDirectory}", DataDirectory);
        }
    }

    private void StopOnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            StopAsync().GetAwaiter().GetResult();
        }
    }
}

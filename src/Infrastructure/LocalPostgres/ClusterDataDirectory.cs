using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Infrastructure.LocalPostgres;

/// <summary>The cluster's data folder: where it lives by default, its first initdb, what postmaster.pid says.</summary>
internal static class ClusterDataDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Traversable =
        OwnerOnly
        | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead
        | UnixFileMode.OtherExecute;

    public static string DefaultPath(bool asRoot)
    {
        if (asRoot)
        {
            return "/var/lib/appointment-slices/postgres";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            dataHome = Path.Combine(home, ".local", "share");
        }

        return Path.Combine(dataHome, "appointment-slices", "postgres");
    }

    public static string PidFile(string dataDirectory) => Path.Combine(dataDirectory, "postmaster.pid");

    /// <summary>Runs initdb once. It works in a scratch folder renamed into place at the end, so a run killed
    /// halfway leaves nothing that blocks the next one.</summary>
    [UnsupportedOSPlatform("windows")]
    public static async Task EnsureInitializedAsync(
        string dataDirectory,
        ClusterCommands commands,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }

        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new InvalidOperationException(
                $"{dataDirectory} is not empty and holds no PostgreSQL cluster; choose another data directory."
            );
        }

        var started = Stopwatch.GetTimestamp();
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent, Traversable);
        var scratch = dataDirectory + ".initdb";
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        Directory.CreateDirectory(scratch, OwnerOnly);
        if (commands.AsPostgresUser)
        {
            await ClusterCommands.GiveToPostgresUserAsync(scratch, cancellationToken);
            if (!await commands.PostgresUserCanWriteAsync(scratch, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"The {ClusterCommands.PostgresUser} user cannot reach {dataDirectory}; choose a data directory "
                        + "whose parent folders every user may traverse (for example under /var/lib or /tmp)."
                );
            }
        }

        // Trust authentication is safe here only because the server listens on 127.0.0.1 alone
        // (and on a socket inside its own data folder).
        await commands.RunAsync(
            "initdb",
            ["-D", scratch, "-U", "postgres", "--auth=trust", "-E", "UTF8", .. LocaleArguments()],
            serverLog: null,
            cancellationToken
        );
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory);
        }

        Directory.Move(scratch, dataDirectory);
        logger.LogInformation(
            "Created PostgreSQL data directory {DataDirectory} in {ElapsedMs} ms",
            dataDirectory,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds
        );
    }

    /// <summary>Whether the process named in line 1 of postmaster.pid is a PostgreSQL server at all.</summary>
    public static bool PostmasterIsPostgres(string dataDirectory)
    {
        var line = File.ReadLines(PidFile(dataDirectory)).FirstOrDefault();
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.ProcessName is "postgres" or "postmaster";
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The port in line 4 of postmaster.pid.</summary>
    public static int ReadPort(string dataDirectory)
    {
        var line = File.ReadLines(PidFile(dataDirectory)).Skip(3).FirstOrDefault();
        return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new InvalidOperationException($"{PidFile(dataDirectory)} names no port.");
    }

    // Byte-order collation keeps sorting fast and predictable; a UTF-8 character type, when the machine has one,
    // lets lower() and upper() handle accented letters too.
    private static string[] LocaleArguments() =>
        Directory.Exists("/usr/lib/locale/C.utf8") || Directory.Exists("/usr/lib/locale/C.UTF-8")
            ? ["--locale=C", "--lc-ctype=C.UTF-8"]
            : ["--no-locale"];
}

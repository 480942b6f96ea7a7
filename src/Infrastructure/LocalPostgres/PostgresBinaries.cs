using System.Globalization;

namespace AppointmentSlices.Infrastructure.LocalPostgres;

/// <summary>Finds the folder that holds the PostgreSQL server programs pg_ctl, initdb and postgres.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";
    private static readonly string[] Programs = ["pg_ctl", "initdb", "postgres"];

    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Require(configured, "The configured PostgreSQL bin directory");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("POSTGRES_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Require(fromEnvironment, "POSTGRES_BIN");
        }

        return FromPath() ?? HighestDebianVersion() ?? throw new PostgresNotInstalledException();
    }

    private static string Require(string folder, string source)
    {
        var full = Path.GetFullPath(folder);
        return HasServerPrograms(full)
            ? full
            : throw new PostgresNotInstalledException($"{source} ({full}) does not hold pg_ctl, initdb and postgres.");
    }

    // Follows symlinks so that /usr/local/bin/pg_ctl leads to the real bin folder. A wrapper such as Debian's
    // pg_wrapper resolves to a folder without initdb, and is skipped.
    private static string? FromPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = new FileInfo(Path.Combine(folder, "pg_ctl"));
            if (!pgCtl.Exists)
            {
                continue;
            }

            var target = pgCtl.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl.FullName;
            var realFolder = Path.GetDirectoryName(target);
            if (realFolder is not null && HasServerPrograms(realFolder))
            {
                return realFolder;
            }
        }

        return null;
    }

    private static string? HighestDebianVersion()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory
            .EnumerateDirectories(DebianRoot)
            .Select(versionFolder =>
                (
                    Version: decimal.TryParse(Path.GetFileName(versionFolder), CultureInfo.InvariantCulture, out var v)
                        ? v
                        : -1m,
                    Bin: Path.Combine(versionFolder, "bin")
                )
            )
            .Where(candidate => candidate.Version >= 0 && HasServerPrograms(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static bool HasServerPrograms(string folder) =>
        Programs.All(program => File.Exists(Path.Combine(folder, program)));
}

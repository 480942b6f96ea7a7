using System.Diagnostics;
using System.Globalization;

namespace AppointmentSlices.Infrastructure.LocalPostgres;

/// <summary>
/// Records which process started the server, in a file beside postmaster.pid. A server whose starter is gone
/// (the app was killed) is adopted by the next start, which then stops it on exit.
/// </summary>
internal static class ServerOwner
{
    private static string File(string dataDirectory) => Path.Combine(dataDirectory, "appointment-slices.owner");

    public static void Claim(string dataDirectory) =>
        System.IO.File.WriteAllText(File(dataDirectory), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public static void Release(string dataDirectory) => System.IO.File.Delete(File(dataDirectory));

    /// <summary>Whether the process that started the server is gone. No record means someone else started it
    /// (by hand, say), and that server is left alone.</summary>
    public static bool IsOrphaned(string dataDirectory)
    {
        var path = File(dataDirectory);
        if (!System.IO.File.Exists(path))
        {
            return false;
        }

        if (!int.TryParse(System.IO.File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var processId))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

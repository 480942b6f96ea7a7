using System.Runtime.InteropServices;

namespace AppointmentSlices.Bench.Report;

public sealed record MachineInfo(
    string Cpu,
    int Cores,
    double MemoryGb,
    string OperatingSystem,
    string Runtime,
    string Wrk,
    string LoadAverageAtStart
)
{
    public static MachineInfo Read(string wrkVersion) =>
        new(
            ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount,
            Math.Round(double.Parse(ProcLine("/proc/meminfo", "MemTotal")?.Split(' ')[0] ?? "0") / 1048576, 1),
            OsName(),
            RuntimeInformation.FrameworkDescription,
            wrkVersion,
            File.Exists("/proc/loadavg")
                ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
                : "n/a"
        );

    private static string? ProcLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file)
                .FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
                ?.Split(':', 2)[1]
                .Trim()
            : null;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release")
                .FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                ?[12..].Trim('"')
                ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
}

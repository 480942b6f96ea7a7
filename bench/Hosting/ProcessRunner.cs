using System.Diagnostics;
using System.Text;

namespace AppointmentSlices.Bench.Hosting;

public static class ProcessRunner
{
    /// <summary>Runs a program to its end and returns what it printed; throws when it fails.</summary>
    public static async Task<string> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        bool check = true,
        CancellationToken ct = default
    )
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(ct);
        process.WaitForExit();
        return process.ExitCode == 0 || !check
            ? output.ToString()
            : throw new InvalidOperationException(
                $"{program} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}):\n{output}"
            );
    }
}

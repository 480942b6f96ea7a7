using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace AppointmentSlices.Tests.Bench;

/// <summary>
/// The load study's quick mode, end to end, as a performance engineer runs it: it must finish, write every section,
/// and see every endpoint answer 2xx. It says nothing about speed. Needs wrk (.ci/run installs it).
/// </summary>
public sealed class QuickStudyTests : IDisposable
{
    private static readonly string[] Sections =
    [
        "## Headline",
        "## Results per scenario and endpoint",
        "## Server side",
        "## Speed-up from the indexes",
        "## Data checks",
        "## Machine and settings",
        "## Indexes in each scenario",
        "## Query plans",
    ];

    private static readonly string[] Endpoints = ["health", "doctors", "slots", "appointments", "patients", "booking"];

    private readonly string scratch = Path.Combine(
        Path.GetTempPath(),
        "bench-quick-" + Guid.NewGuid().ToString("N")[..8]
    );

    [Fact]
    public async Task Quick_study_reports_every_section_and_every_endpoint_answering_2xx()
    {
        var results = Path.Combine(scratch, "results");
        var (exitCode, output) = await RunBenchAsync(
            "--quick",
            "--results",
            results,
            "--work-dir",
            Path.Combine(scratch, "work")
        );

        Assert.True(exitCode == 0, output);
        var markdown = await File.ReadAllTextAsync(Path.Combine(results, "report.md"));
        Assert.All(Sections, section => Assert.Contains(section, markdown));
        Assert.All(["throughput.png", "latency-p99.png", "cpu.png"], chart =>
            Assert.True(File.Exists(Path.Combine(results, chart)))
        );

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "report.json")));
        var scenarios = report.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["pg-noindex", "pg-indexed"], scenarios.Select(s => s.GetProperty("name").GetString()));
        foreach (var scenario in scenarios)
        {
            var runs = scenario
                .GetProperty("endpoints")
                .EnumerateArray()
                .ToDictionary(e => e.GetProperty("endpoint").GetString()!);
            Assert.Equal(Endpoints.Order(), runs.Keys.Order());
            Assert.All(runs.Values, run =>
                Assert.True(run.GetProperty("wrk").GetProperty("success").GetInt64() > 0, run.ToString())
            );
            Assert.Equal(0, scenario.GetProperty("overlaps").GetProperty("doctorOverlaps").GetInt64());
            Assert.Equal(0, scenario.GetProperty("overlaps").GetProperty("patientOverlaps").GetInt64());
            Assert.NotEmpty(scenario.GetProperty("plans").EnumerateArray());
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunBenchAsync(params string[] arguments)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AppointmentSlices.sln")))
        {
            root = Path.GetDirectoryName(root)
                ?? throw new InvalidOperationException("No AppointmentSlices.sln above the tests.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["run", "-c", "Release", "--project", "bench", "--", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The quick study took more than 12 minutes:\n" + await stdout);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

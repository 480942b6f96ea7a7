using AppointmentSlices.Bench.Report;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AppointmentSlices.Bench.Cli;

/// <summary>Runs the whole study and writes its report.</summary>
public sealed class StudyCommand : AsyncCommand<StudySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StudySettings settings, CancellationToken ct)
    {
        try
        {
            var result = await new Study(settings).RunAsync(ct);
            var folder = await ReportWriter.WriteAsync(
                result,
                settings.Results ?? Path.Combine(Hosting.RepositoryRoot.Find(), "bench", "results")
            );
            AnsiConsole.MarkupLineInterpolated($"[green]Report written to {folder}[/]");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }
}

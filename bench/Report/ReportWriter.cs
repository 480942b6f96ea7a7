using System.Text.Json;

namespace AppointmentSlices.Bench.Report;

/// <summary>Writes report.md, report.json and the charts into the results folder, replacing the last run's.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<string> WriteAsync(StudyResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var charts = Charts.Draw(result, folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(result, Json));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), MarkdownReport.Render(result, charts));
        return folder;
    }
}

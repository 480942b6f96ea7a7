using AppointmentSlices.Bench.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

if (!AnsiConsole.Profile.Capabilities.Interactive)
{
    AnsiConsole.Profile.Width = 180; // logs and CI: one line per endpoint
}

var app = new CommandApp<StudyCommand>();
app.Configure(config =>
{
    config.SetApplicationName("dotnet run -c Release --project bench --");
    config.AddExample("--scenarios", "pg-noindex,pg-indexed,mongo", "--duration", "30s", "--scale", "standard");
    config.AddExample("--quick");
    config.AddExample("--url", "http://10.0.0.5:5000", "--postgres", "\"Host=10.0.0.6;Username=app;Database=clinic\"");
});
return await app.RunAsync(args);

using System.ComponentModel;
using System.Globalization;
using AppointmentSlices.Bench.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AppointmentSlices.Bench.Cli;

public sealed class StudySettings : CommandSettings
{
    [CommandOption("--scenarios <LIST>")]
    [Description("Comma-separated: pg-noindex, pg-indexed, mongo (mongo needs MONGODB_URI). Default: all three.")]
    public string Scenarios { get; init; } = "pg-noindex,pg-indexed,mongo";

    [CommandOption("--scale <SCALE>")]
    [Description(
        "small (50 doctors, 5,000 patients, 50,000 appointments), standard (500, 100,000, 1,000,000) or "
            + "large (2,000, 500,000, 5,000,000). Default: standard."
    )]
    public string Scale { get; init; } = "standard";

    [CommandOption("--duration <TIME>")]
    [Description("How long wrk drives each endpoint, such as 30s or 2m. Default: 30s.")]
    public string Duration { get; init; } = "30s";

    [CommandOption("--warmup <TIME>")]
    [Description(
        "Unmeasured load on each endpoint before its run, long enough for the runtime to finish optimising the "
            + "endpoint's code on 2 cores (about 30 s from a cold start). Default: 30s."
    )]
    public string Warmup { get; init; } = "30s";

    [CommandOption("--connections <N>")]
    [Description("Open HTTP connections wrk keeps. Default: 64.")]
    public int Connections { get; init; } = 64;

    [CommandOption("--threads <N>")]
    [Description("wrk threads. Default: the number of cores.")]
    public int? Threads { get; init; }

    [CommandOption("--timeout <TIME>")]
    [Description("A request slower than this counts as a timeout. Default: 2s.")]
    public string Timeout { get; init; } = "2s";

    [CommandOption("--endpoints <LIST>")]
    [Description("Comma-separated subset of: appointments, slots, patients, doctors, health, booking. Default: all.")]
    public string Endpoints { get; init; } = string.Join(',', Load.Endpoint.Names);

    [CommandOption("--quick")]
    [Description(
        "Small scale, 3 s an endpoint, 1 s warm-up, 16 connections, PostgreSQL scenarios only: checks "
            + "that the harness works end to end (as CI does); its figures mean little."
    )]
    public bool Quick { get; init; }

    [CommandOption("--results <DIR>")]
    [Description("Where the report goes (Markdown, JSON, PNG). Default: bench/results.")]
    public string? Results { get; init; }

    [CommandOption("--work-dir <DIR>")]
    [Description(
        "Scratch folder for the PostgreSQL cluster, wrk's data files and host logs. Default: a folder "
            + "under the system's temp directory."
    )]
    public string? WorkDir { get; init; }

    [CommandOption("--url <URL>")]
    [Description(
        "Measure a host already running at this URL instead of starting one; needs --postgres for the "
            + "database it uses, which the bench fills (it must be empty) and checks. Runs one scenario, named by "
            + "--scenarios, as the host is configured."
    )]
    public string? Url { get; init; }

    [CommandOption("--postgres <CONNECTION>")]
    [Description("With --url: the PostgreSQL connection string of the host's database.")]
    public string? Postgres { get; init; }

    [CommandOption("--metrics-url <URL>")]
    [Description("With --url: where to scrape the host's Prometheus metrics (no credentials). Default: none.")]
    public string? MetricsUrl { get; init; }

    [CommandOption("--host-connection-options <TEXT>")]
    [Description(
        "Npgsql settings appended to the host's connection string, such as \"Maximum Pool Size=20\" or "
            + "\"Max Auto Prepare=0\", to compare tunings."
    )]
    public string? HostConnectionOptions { get; init; }

    public BenchScale ScaleValue => Quick ? BenchScale.Small : BenchScale.Parse(Scale);

    public TimeSpan DurationValue => Quick ? TimeSpan.FromSeconds(3) : ParseTime(Duration);

    public TimeSpan WarmupValue => Quick ? TimeSpan.FromSeconds(1) : ParseTime(Warmup);

    public TimeSpan TimeoutValue => ParseTime(Timeout);

    public int ConnectionsValue => Quick ? 16 : Connections;

    public int ThreadsValue => Threads ?? Environment.ProcessorCount;

    public IReadOnlyList<string> ScenarioNames =>
        Quick && Scenarios == "pg-noindex,pg-indexed,mongo" ? ["pg-noindex", "pg-indexed"] : Split(Scenarios);

    public IReadOnlyList<string> EndpointNames => Split(Endpoints);

    public override ValidationResult Validate()
    {
        try
        {
            _ = ScaleValue;
            _ = DurationValue;
            _ = WarmupValue;
            _ = TimeoutValue;
        }
        catch (FormatException e)
        {
            return ValidationResult.Error(e.Message);
        }

        if (ScenarioNames.FirstOrDefault(s => !Scenario.Known.Contains(s)) is { } scenario)
        {
            return ValidationResult.Error($"Unknown scenario {scenario}; use {string.Join(", ", Scenario.Known)}.");
        }

        if (EndpointNames.FirstOrDefault(e => !Load.Endpoint.Names.Contains(e)) is { } endpoint)
        {
            return ValidationResult.Error(
                $"Unknown endpoint {endpoint}; use {string.Join(", ", Load.Endpoint.Names)}."
            );
        }

        if (Url is not null && (Postgres is null || ScenarioNames.Count != 1))
        {
            return ValidationResult.Error("--url needs --postgres and exactly one scenario.");
        }

        return Connections < 1
            ? ValidationResult.Error("--connections must be at least 1.")
            : ValidationResult.Success();
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static TimeSpan ParseTime(string text)
    {
        var split = 0;
        while (split < text.Length && (char.IsAsciiDigit(text[split]) || text[split] == '.'))
        {
            split++;
        }

        var digits = text[..split];
        var unit = split == text.Length ? "s" : text[split..];
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new FormatException($"'{text}' is not a time such as 30s, 500ms or 2m.");
        }

        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            _ => throw new FormatException($"'{text}' is not a time such as 30s, 500ms or 2m."),
        };
    }
}

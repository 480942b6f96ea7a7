using ScottPlot;

namespace AppointmentSlices.Bench.Report;

/// <summary>PNG charts of the study: throughput and p99 per endpoint and scenario, and CPU over the run.</summary>
public static class Charts
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static IReadOnlyList<string> Draw(StudyResult result, string folder)
    {
        var ran = result.Scenarios.Where(s => s.Ran).ToList();
        if (ran.Count == 0)
        {
            return [];
        }

        var endpoints = ran.SelectMany(s => s.Endpoints.Select(e => e.Endpoint)).Distinct().ToList();
        Grouped(
            ran,
            endpoints,
            "Requests per second (higher is better)",
            "requests/s",
            run => run.Wrk.RequestsPerSecond,
            Path.Combine(folder, "throughput.png")
        );
        Grouped(
            ran,
            endpoints,
            "p99 latency (lower is better)",
            "milliseconds",
            run => run.Wrk.P99Us / 1000.0,
            Path.Combine(folder, "latency-p99.png")
        );
        Cpu(ran, Path.Combine(folder, "cpu.png"));
        return ["throughput.png", "latency-p99.png", "cpu.png"];
    }

    private static void Grouped(
        List<ScenarioResult> scenarios,
        List<string> endpoints,
        string title,
        string unit,
        Func<EndpointRun, double> value,
        string file
    )
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var s = 0; s < scenarios.Count; s++)
        {
            for (var e = 0; e < endpoints.Count; e++)
            {
                if (scenarios[s].Find(endpoints[e]) is { } run)
                {
                    bars.Add(
                        new Bar
                        {
                            Position = e * (scenarios.Count + 1) + s,
                            Value = value(run),
                            FillColor = Palette.GetColor(s),
                            Label = value(run).ToString(value(run) >= 100 ? "N0" : "0.0"),
                        }
                    );
                }
            }
        }

        plot.Add.Bars(bars);
        var ticks = endpoints.Select((_, e) => e * (scenarios.Count + 1) + (scenarios.Count - 1) / 2.0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, endpoints.ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title(title);
        plot.YLabel(unit);
        plot.ShowLegend(Legend(scenarios), Alignment.UpperRight);
        plot.SavePng(file, 1000, 520);
    }

    private static void Cpu(List<ScenarioResult> scenarios, string file)
    {
        var plot = new Plot();
        for (var s = 0; s < scenarios.Count; s++)
        {
            var samples = scenarios[s].Samples;
            var points = samples
                .Zip(samples.Skip(1))
                .Where(p => p.Second.Seconds > p.First.Seconds && p.Second.HostCpuSeconds >= p.First.HostCpuSeconds)
                .Select(p =>
                    (
                        X: p.Second.Seconds,
                        Host: (p.Second.HostCpuSeconds - p.First.HostCpuSeconds) / (p.Second.Seconds - p.First.Seconds),
                        Db: (p.Second.DatabaseCpuSeconds - p.First.DatabaseCpuSeconds)
                            / (p.Second.Seconds - p.First.Seconds)
                    )
                )
                .ToList();
            var host = plot.Add.ScatterLine(
                points.Select(p => p.X).ToArray(),
                points.Select(p => p.Host).ToArray(),
                Palette.GetColor(s)
            );
            host.LegendText = $"{scenarios[s].Name}: host";
            // The database's CPU is unknown when it runs on another machine (NaN): no line then.
            if (points.Any(p => double.IsFinite(p.Db)))
            {
                var db = plot.Add.ScatterLine(
                    points.Select(p => p.X).ToArray(),
                    points.Select(p => p.Db).ToArray(),
                    Palette.GetColor(s)
                );
                db.LegendText = $"{scenarios[s].Name}: {(scenarios[s].Name == "mongo" ? "mongod" : "PostgreSQL")}";
                db.LinePattern = LinePattern.Dashed;
            }
        }

        plot.Title("CPU over each scenario's runs (cores busy; endpoints run one after another)");
        plot.XLabel("seconds of measured load");
        plot.YLabel("cores");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(file, 1000, 420);
    }

    private static IEnumerable<LegendItem> Legend(List<ScenarioResult> scenarios) =>
        scenarios.Select((s, i) => new LegendItem { LabelText = s.Title, FillColor = Palette.GetColor(i) });
}

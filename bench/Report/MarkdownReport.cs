using System.Globalization;
using System.Text;

namespace AppointmentSlices.Bench.Report;

/// <summary>The readable report: the figures that matter first, then how they were obtained, then the detail.</summary>
public static class MarkdownReport
{
    public static string Render(StudyResult r, IReadOnlyList<string> charts)
    {
        var md = new StringBuilder();
        var ran = r.Scenarios.Where(s => s.Ran).ToList();
        var o = r.Options;
        md.AppendLine($"# Load study, {r.StartedAt:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(
            $"Scale **{o.Scale}** ({r.Data.Doctors:N0} doctors, {r.Data.Patients:N0} patients, {r.Data.Appointments:N0} appointments), "
                + $"wrk with {o.Connections} connections on {o.Threads} threads, {o.DurationSeconds:0.#} s per endpoint after {o.WarmupSeconds:0.#} s of warm-up, "
                + $"on {r.Machine.Cores} cores ({r.Machine.Cpu}). "
                + "wrk ran on the same machine as the host and the database. "
                + $"Load average when the study started: {r.Machine.LoadAverageAtStart}.{(o.Quick ? " **Quick mode: these figures only show that the harness works.**" : "")}"
        );
        md.AppendLine();

        md.AppendLine("## Headline");
        md.AppendLine();
        if (ran.Count == 0)
        {
            md.AppendLine("No scenario ran; the reasons follow.");
        }
        else
        {
            md.AppendLine(
                "| endpoint | " + string.Join(" | ", ran.Select(s => $"{s.Name} req/s | p99 ms | errors")) + " |"
            );
            md.AppendLine("| --- |" + string.Concat(ran.Select(_ => " ---: | ---: | ---: |")));
        }

        foreach (var endpoint in Endpoints(ran))
        {
            md.Append($"| {endpoint} |");
            foreach (var s in ran)
            {
                md.Append(
                    s.Find(endpoint) is { } e
                        ? $" {e.Wrk.RequestsPerSecond:N0} | {Ms(e.Wrk.P99Us)} | {Errors(e)} |"
                        : " – | – | – |"
                );
            }

            md.AppendLine();
        }

        md.AppendLine();
        md.AppendLine(
            "Errors: answers other than 2xx, timeouts and socket errors; a booking's 409 (slot or patient already taken) is counted apart, in the detail. "
                + "Latencies are wrk's, measured from the client's side; wrk keeps each connection busy (closed loop), so under overload it "
                + "queues rather than recording the wait a fixed arrival rate would see."
        );
        md.AppendLine();
        foreach (var chart in charts)
        {
            md.AppendLine($"![{Path.GetFileNameWithoutExtension(chart)}]({chart})");
        }

        md.AppendLine();
        foreach (var skipped in r.Scenarios.Where(s => !s.Ran))
        {
            md.AppendLine($"**{skipped.Title} ({skipped.Name}) was not run:** {skipped.NotRunReason}");
            md.AppendLine();
        }

        Detail(md, ran);
        ServerSide(md, ran);
        SpeedUp(md, ran);
        DataChecks(md, r, ran);
        Settings(md, r);
        Indexes(md, ran);
        Plans(md, ran);
        return md.ToString();
    }

    private static void Detail(StringBuilder md, List<ScenarioResult> ran)
    {
        md.AppendLine("## Results per scenario and endpoint");
        foreach (var s in ran)
        {
            md.AppendLine();
            md.AppendLine($"### {s.Title}");
            md.AppendLine();
            md.AppendLine(
                "| endpoint | requests | req/s | of health | avg ms | p50 ms | p90 ms | p99 ms | max ms | 2xx | 409 | other non-2xx | timeouts | socket errors |"
            );
            md.AppendLine(
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            );
            foreach (var e in s.Endpoints)
            {
                var w = e.Wrk;
                var fraction = s.FractionOfHealth(e) is { } f ? f.ToString("P0", CultureInfo.InvariantCulture) : "–";
                md.AppendLine(
                    $"| {e.Endpoint} | {w.Requests:N0} | {w.RequestsPerSecond:N0} | {fraction} | {Ms(w.MeanUs)} | {Ms(w.P50Us)} | {Ms(w.P90Us)} "
                        + $"| {Ms(w.P99Us)} | {Ms(w.MaxUs)} | {w.Success:N0} | {w.Conflicts:N0} | {w.Non2xx - w.Conflicts:N0} | {w.Timeouts:N0} | {w.SocketErrors:N0} |"
                );
            }

            md.AppendLine();
            md.AppendLine("What each endpoint was sent:");
            md.AppendLine();
            foreach (var e in s.Endpoints)
            {
                md.AppendLine($"- **{e.Endpoint}**: `{e.Method} {e.Route}`, {e.Spread}.");
            }
        }

        md.AppendLine();
    }

    private static void ServerSide(StringBuilder md, List<ScenarioResult> ran)
    {
        md.AppendLine("## Server side");
        md.AppendLine();
        md.AppendLine(
            "Sampled once a second during each measured run: the host's CPU (cores busy), working set, "
                + "GC heap after the last collection, GC pause time summed over the run, and thread-pool queue "
                + "length, from its own metrics; and the CPU of "
                + "the database's processes on this machine (PostgreSQL's; for MongoDB, mongod's, n/a when it runs "
                + "elsewhere), from /proc."
        );
        md.AppendLine();
        md.AppendLine(
            "| scenario | endpoint | host CPU | database CPU | peak working set MB | peak GC heap MB | GC pause ms "
                + "| thread-pool queue mean / max |"
        );
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in ran)
        {
            foreach (var e in s.Endpoints)
            {
                var v = e.Server;
                md.AppendLine(
                    $"| {s.Name} | {e.Endpoint} | {N(v.HostCpuCores, "0.00")} | {N(v.DatabaseCpuCores, "0.00")} | {N(v.PeakWorkingSetMb, "N0")} "
                        + $"| {N(v.PeakGcHeapMb, "N0")} | {N(v.GcPauseMs, "N0")} | {N(v.MeanThreadPoolQueue, "0.0")} / {N(v.MaxThreadPoolQueue, "N0")} |"
                );
            }
        }

        md.AppendLine();
    }

    private static void SpeedUp(StringBuilder md, List<ScenarioResult> ran)
    {
        md.AppendLine("## Speed-up from the indexes");
        md.AppendLine();
        var (without, with) = (
            ran.FirstOrDefault(s => s.Name == "pg-noindex"),
            ran.FirstOrDefault(s => s.Name == "pg-indexed")
        );
        if (without is null || with is null)
        {
            md.AppendLine("Needs both PostgreSQL scenarios in one run.");
            md.AppendLine();
            return;
        }

        md.AppendLine("| endpoint | req/s without | req/s with | speed-up | p99 ms without | p99 ms with |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var endpoint in Endpoints(ran))
        {
            if (without.Find(endpoint) is { } a && with.Find(endpoint) is { } b)
            {
                var factor =
                    a.Wrk.RequestsPerSecond > 0 ? b.Wrk.RequestsPerSecond / a.Wrk.RequestsPerSecond : double.NaN;
                md.AppendLine(
                    $"| {endpoint} | {a.Wrk.RequestsPerSecond:N0} | {b.Wrk.RequestsPerSecond:N0} | {N(factor, "0.0")}× | {Ms(a.Wrk.P99Us)} | {Ms(b.Wrk.P99Us)} |"
                );
            }
        }

        md.AppendLine();
    }

    private static void DataChecks(StringBuilder md, StudyResult r, List<ScenarioResult> ran)
    {
        md.AppendLine("## Data checks");
        md.AppendLine();
        foreach (var s in ran.Where(s => s.Overlaps is not null))
        {
            var c = s.Overlaps!;
            var verdict =
                c.DoctorOverlaps == 0 && c.PatientOverlaps == 0 ? "no double booking" : "**DOUBLE BOOKING FOUND**";
            md.AppendLine(
                $"- After {s.Name}: {c.Appointments:N0} appointments; overlapping active pairs: doctors {c.DoctorOverlaps}, patients {c.PatientOverlaps}: {verdict}."
            );
        }

        md.AppendLine();
        md.Append(
            $"Data: {r.Data.Doctors:N0} doctors (Monday to Friday, 09:00–14:00 and 15:00–19:00 in Madrid, 30-minute slots, a week of leave each), "
                + $"{r.Data.Patients:N0} patients, {r.Data.Appointments:N0} appointments from {r.Data.FirstDay} to {r.Data.LastDay}, generated with Bogus "
                + $"(fixed seed) in {r.Data.GenerationSeconds:0.0} s"
        );
        md.AppendLine(
            r.Data.Rows > 0
                ? $"; {r.Data.Rows:N0} rows loaded into PostgreSQL with binary COPY in {r.Data.LoadSeconds:0.0} s, "
                    + $"VACUUM (ANALYZE) {r.Data.VacuumAnalyzeSeconds:0.0} s."
                : "."
        );
        md.AppendLine(
            $"{r.Data.FreeSlots:N0} free slots in the booking horizon were set aside for the booking runs, "
                + "each PostgreSQL run with a share "
                + "no other run uses (MongoDB books in a database of its own)."
        );
        if (r.Data.LoadPhases.Count > 0)
        {
            md.AppendLine(
                "PostgreSQL load phases: "
                    + string.Join("; ", r.Data.LoadPhases.Select(p => $"{p.Name} {p.Seconds:0.0} s"))
                    + "."
            );
        }

        if (ran.FirstOrDefault(s => s.Name == "pg-indexed" && s.IndexBuildSeconds is not null) is { } indexed)
        {
            md.AppendLine($"Building the query indexes on the loaded data took {indexed.IndexBuildSeconds:0.0} s.");
        }

        foreach (var s in ran.Where(s => s.Load is not null))
        {
            var load = s.Load!;
            md.AppendLine();
            md.AppendLine(
                $"{s.Title}: {load.Documents:N0} documents (doctors with their week and leave embedded, "
                    + "patients, appointments, and the five-minute slot claims of every active appointment, "
                    + $"for its doctor and its patient) written with {load.Method} in {load.LoadSeconds:0.0} s; "
                    + "then its indexes were built on the loaded data in "
                    + $"{N(s.IndexBuildSeconds ?? double.NaN, "0.0")} s. "
                    + "Phases: "
                    + string.Join("; ", load.Phases.Select(p => $"{p.Name} {p.Seconds:0.0} s"))
                    + "."
            );
        }

        md.AppendLine();
    }

    private static void Settings(StringBuilder md, StudyResult r)
    {
        md.AppendLine("## Machine and settings");
        md.AppendLine();
        var m = r.Machine;
        md.AppendLine(
            $"- Machine: {m.Cpu}, {m.Cores} cores, {m.MemoryGb} GB, {m.OperatingSystem}; {m.Runtime}; {m.Wrk}."
        );
        md.AppendLine($"- Target: {r.Options.Target}. wrk timeout {r.Options.TimeoutSeconds:0.#} s.");
        if (r.Options.HostConnectionOptions is { } extra)
        {
            md.AppendLine($"- Added to the host's connection string: `{extra}`.");
        }

        md.AppendLine(
            "- Host settings for the study (rate limits raised so they never trigger, console logs cut to warnings): "
                + string.Join(", ", r.HostSettings.Select(s => $"`{s.Key}={s.Value}`"))
                + "."
        );
        if (r.DatabaseSettings.Count > 0)
        {
            md.AppendLine(
                "- PostgreSQL: " + string.Join(", ", r.DatabaseSettings.Select(s => $"`{s.Key}={s.Value}`")) + "."
            );
        }

        foreach (var s in r.Scenarios.Where(s => s.Load is not null))
        {
            md.AppendLine(
                $"- {s.Title}: " + string.Join(", ", s.Load!.ServerSettings.Select(p => $"`{p.Key}={p.Value}`")) + "."
            );
        }

        md.AppendLine($"- The whole study took {r.ElapsedSeconds / 60:0.0} minutes.");
        md.AppendLine();
    }

    private static void Indexes(StringBuilder md, List<ScenarioResult> ran)
    {
        md.AppendLine("## Indexes in each scenario");
        foreach (var s in ran)
        {
            md.AppendLine();
            md.AppendLine($"### {s.Title}");
            md.AppendLine();
            md.AppendLine(
                s.Name switch
                {
                    "pg-noindex" =>
                        "Only the integrity constraints' own indexes remain (primary keys, unique keys, the no-overlap "
                            + "exclusion constraints):",
                    "mongo" => "The product's indexes (`MongoIndexes` with `Storage:QueryIndexes=true`): the unique "
                        + "ones that keep the data correct (the `_id` of `slot_claims` is what refuses a double "
                        + "booking) and the query indexes, per collection:",
                    _ => "Constraints' indexes and the query indexes:",
                }
            );
            md.AppendLine();
            foreach (var index in s.Indexes)
            {
                md.AppendLine(
                    s.Name == "mongo"
                        ? $"- `{index.Table}` `{index.Name}`: `{index.Definition}`"
                        : $"- `{index.Name}`: `{index.Definition}`"
                );
            }
        }

        md.AppendLine();
    }

    private static void Plans(StringBuilder md, List<ScenarioResult> ran)
    {
        md.AppendLine("## Query plans");
        if (ran.Any(s => s.Name != "mongo"))
        {
            md.AppendLine();
            md.AppendLine(
                "On PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) of the SQL each endpoint runs, "
                    + "read from the service's stores, "
                    + "with sample parameters, after the load and before the run."
            );
        }
        foreach (var s in ran)
        {
            md.AppendLine();
            md.AppendLine($"### {s.Title}");
            if (s.Name == "mongo")
            {
                md.AppendLine();
                md.AppendLine(
                    "On MongoDB: `explain` with executionStats of the queries each endpoint's Mongo stores send, "
                        + "written out in `bench/Database/MongoQueryPlans.cs`, with sample values, after the load and "
                        + "before the run: the winning "
                        + "plan's stages, keys and documents examined, then the plan. "
                        + "A booking's inserts (appointment, event, slot claims) have no plan; its reads and the "
                        + "doctor's touch are shown."
                );
            }

            foreach (var plan in s.Plans)
            {
                md.AppendLine();
                md.AppendLine($"<details><summary>{plan.Endpoint}: {plan.Statement}</summary>");
                md.AppendLine();
                md.AppendLine("```");
                md.AppendLine(plan.Plan);
                md.AppendLine("```");
                md.AppendLine();
                md.AppendLine("</details>");
            }
        }
    }

    private static IEnumerable<string> Endpoints(List<ScenarioResult> ran) =>
        ran.SelectMany(s => s.Endpoints.Select(e => e.Endpoint)).Distinct();

    private static string Errors(EndpointRun e) =>
        (e.Wrk.Non2xx - e.Wrk.Conflicts + e.Wrk.Timeouts + e.Wrk.SocketErrors).ToString(
            "N0",
            CultureInfo.InvariantCulture
        );

    private static string Ms(double microseconds) =>
        (microseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture);

    private static string N(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}

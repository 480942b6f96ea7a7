using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Moving;
using Npgsql;
using Spectre.Console;

namespace AppointmentSlices.Web.Startup;

/// <summary>
/// <c>dotnet run --project src/Web -- move-to-mongo</c>: copies the clinic from the PostgreSQL the host would use
/// (ConnectionStrings:Postgres, or the local cluster) into ConnectionStrings:Mongo, then verifies it. Safe to run
/// again: every document is an upsert by id. Exits 0 when every collection matches, 2 when any differs.
/// </summary>
public static class MoveToMongoCommand
{
    public const string Name = "move-to-mongo";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var mongo = configuration.GetConnectionString("Mongo");
        if (string.IsNullOrWhiteSpace(mongo))
        {
            AnsiConsole.MarkupLine(
                "[red]Set ConnectionStrings:Mongo[/] (for example --ConnectionStrings:Mongo=mongodb://host/clinic?replicaSet=rs0)."
            );
            return 1;
        }

        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggers.CreateLogger(Name);
        var configured = configuration.GetConnectionString("Postgres");
        await using var cluster = string.IsNullOrWhiteSpace(configured)
            ? await LocalPostgresCluster.StartAsync(
                new LocalPostgresOptions { DataDirectory = configuration["LocalPostgres:DataDirectory"] },
                logger
            )
            : null;
        await using var source = NpgsqlDataSource.Create(cluster?.ConnectionString ?? configured!);
        var mover = new ClinicMover(
            source,
            MongoRegistration.CreateClinic(mongo),
            configuration.GetValue("Move:BatchSize", 2_000)
        );

        await AnsiConsole
            .Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn()
            )
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                await mover.MoveAsync(
                    new SynchronousProgress<MoveProgress>(step =>
                    {
                        if (!bars.TryGetValue(step.Collection, out var bar))
                        {
                            bar = bars[step.Collection] = context.AddTask(
                                step.Collection,
                                maxValue: Math.Max(1, step.Total)
                            );
                        }

                        bar.Value = step.Done;
                        if (step.Done >= step.Total)
                        {
                            bar.Value = bar.MaxValue;
                        }
                    })
                );
            });

        var verification = await mover.VerifyAsync();
        Report(verification);
        return verification.Matches ? 0 : 2;
    }

    private static void Report(MoveVerification verification)
    {
        var table = new Table().AddColumns("collection", "PostgreSQL", "MongoDB", "checksum", "result");
        foreach (var check in verification.Collections)
        {
            table.AddRow(
                check.Collection,
                check.SourceCount.ToString("N0"),
                check.TargetCount.ToString("N0"),
                check.SourceChecksum == check.TargetChecksum
                    ? check.SourceChecksum
                    : $"{check.SourceChecksum} ≠ {check.TargetChecksum}",
                check.Matches ? "[green]same[/]" : "[red]differs[/]"
            );
        }

        AnsiConsole.Write(table);
        foreach (var check in verification.Collections.Where(c => !c.Matches))
        {
            foreach (
                var (what, ids) in new[]
                {
                    ("missing in MongoDB", check.MissingInTarget),
                    ("only in MongoDB", check.ExtraInTarget),
                    ("different", check.Different),
                }
            )
            {
                foreach (var id in ids)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]{check.Collection}[/] {id}: {what}");
                }
            }
        }
    }

    /// <summary>Reports on the caller's thread, in order; <see cref="Progress{T}"/> would post them elsewhere.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

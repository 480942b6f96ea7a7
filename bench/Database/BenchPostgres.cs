using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Infrastructure.Postgres;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppointmentSlices.Bench.Database;

/// <summary>
/// The study's PostgreSQL database: on the bench's own local cluster (recreated empty each run), or one given
/// with --postgres. Schema first, data next, query indexes last, so one load serves both PostgreSQL scenarios.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    public const string DatabaseName = "appointment_slices_bench";

    private readonly LocalPostgresCluster? cluster;
    private readonly ILogger logger;

    private BenchPostgres(string connectionString, LocalPostgresCluster? cluster, ILogger logger)
    {
        ConnectionString = connectionString;
        this.cluster = cluster;
        this.logger = logger;
        // The load, the index builds and the checks run for minutes on a busy machine: no command timeout.
        DataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString
        );
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchPostgres> StartLocalAsync(string workDir, ILogger logger, CancellationToken ct)
    {
        var options = new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(workDir, "postgres"),
            Database = DatabaseName,
        };
        var cluster = await LocalPostgresCluster.StartAsync(options, logger, ct);
        var admin = new NpgsqlConnectionStringBuilder(cluster.ConnectionString)
        {
            Database = "postgres",
            Pooling = false,
        };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
        }

        return new BenchPostgres(cluster.ConnectionString, cluster, logger);
    }

    public static BenchPostgres Attach(string connectionString, ILogger logger) => new(connectionString, null, logger);

    public void Migrate(bool withQueryIndexes) => SchemaMigrator.Migrate(ConnectionString, withQueryIndexes, logger);

    public async Task<bool> IsEmptyAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return !await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM doctors)");
    }

    public async Task VacuumAnalyzeAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "VACUUM (ANALYZE) doctors, working_hours, time_off, patients, appointments",
            commandTimeout: 0
        );
    }

    /// <summary>An API key for the staff-only routes, stored as the service stores one (its SHA-256).</summary>
    public async Task<string> IssueApiKeyAsync()
    {
        var key = ManageToken.Create();
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, name, key_hash, created_at) VALUES (@id, 'Load study', @hash, now())",
            new { id = Guid.CreateVersion7(), hash = ManageToken.Hash(key) }
        );
        return key;
    }

    /// <summary>Every index on the clinic's tables (constraints' own included), as PostgreSQL defines it.</summary>
    public async Task<IReadOnlyList<IndexDefinition>> IndexesAsync()
    {
        const string Sql = """
            SELECT tablename AS "Table", indexname AS Name, indexdef AS Definition
            FROM pg_indexes
            WHERE schemaname = 'public' AND tablename IN ('doctors', 'working_hours', 'time_off', 'patients', 'appointments',
                                                          'appointment_events', 'api_keys')
            ORDER BY tablename, indexname
            """;
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<IndexDefinition>(Sql)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, string>> ServerSettingsAsync()
    {
        const string Sql = """
            SELECT name AS Name, setting || coalesce(' ' || unit, '') AS Value FROM pg_settings
            WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'max_connections', 'jit',
                           'synchronous_commit', 'random_page_cost', 'effective_cache_size')
            ORDER BY name
            """;
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Name, string Value)>(Sql)).ToDictionary(s => s.Name, s => s.Value);
    }

    /// <summary>Pairs of active appointments of one doctor, or of one patient, whose times overlap.</summary>
    public async Task<OverlapCheck> CheckOverlapsAsync()
    {
        const string Sql = """
            SELECT
              (SELECT count(*) FROM appointments a JOIN appointments b
                 ON a.doctor_id = b.doctor_id AND a.id < b.id
                AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
               WHERE a.status <> 'Cancelled' AND b.status <> 'Cancelled') AS DoctorOverlaps,
              (SELECT count(*) FROM appointments a JOIN appointments b
                 ON a.patient_id = b.patient_id AND a.id < b.id
                AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
               WHERE a.status <> 'Cancelled' AND b.status <> 'Cancelled') AS PatientOverlaps,
              (SELECT count(*) FROM appointments) AS Appointments
            """;
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<OverlapCheck>(new CommandDefinition(Sql, commandTimeout: 0));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

public sealed record IndexDefinition(string Table, string Name, string Definition);

public sealed record OverlapCheck(long DoctorOverlaps, long PatientOverlaps, long Appointments);

using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Infrastructure.Postgres;
using AppointmentSlices.Infrastructure.Seeding;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace AppointmentSlices.Tests.Infrastructure;

[Collection("Database")]
public sealed class LocalPostgresTests(PostgresFixture fixture)
{
    // The seeding test gets a database of its own on the shared cluster, so other tests' tables stay untouched.
    private const string SeedDatabase = "appointment_slices_seed_tests";

    private const string SeedCountsQuery = """
        SELECT (SELECT count(*) FROM doctors) AS Doctors,
               (SELECT count(*) FROM patients) AS Patients,
               (SELECT count(*) FROM appointments WHERE ends_at <= @now) AS Past,
               (SELECT count(*) FROM appointments WHERE starts_at > @now) AS Future
        """;

    // Appointments not on their doctor's grid: the start, in the doctor's zone, is not a working interval's start
    // plus k slot lengths with the whole slot inside the interval, or the length is not the slot length.
    private const string OffGridQuery = """
        WITH local AS (
            SELECT a.doctor_id, a.starts_at, a.ends_at, d.slot_minutes,
                   (a.starts_at AT TIME ZONE d.time_zone) AS local_start
            FROM appointments a JOIN doctors d ON d.id = a.doctor_id)
        SELECT count(*) FROM local l
        WHERE l.ends_at - l.starts_at <> make_interval(mins => l.slot_minutes)
           OR NOT EXISTS (
               SELECT 1 FROM working_hours w
               WHERE w.doctor_id = l.doctor_id
                 AND w.day_of_week = extract(dow FROM l.local_start)
                 AND l.local_start::time >= w.starts_at
                 AND extract(epoch FROM l.local_start::time - w.starts_at)::int % (l.slot_minutes * 60) = 0
                 AND extract(epoch FROM w.ends_at - l.local_start::time) >= l.slot_minutes * 60)
        """;

    private const string DuringTimeOffQuery = """
        SELECT count(*) FROM appointments a
        JOIN doctors d ON d.id = a.doctor_id
        JOIN time_off t ON t.doctor_id = a.doctor_id
        WHERE (a.starts_at AT TIME ZONE d.time_zone) < t.ends_at AND t.starts_at < (a.ends_at AT TIME ZONE d.time_zone)
        """;

    [Fact]
    public async Task The_launcher_serves_a_migrated_database_with_the_overlap_exclusion_constraints()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();

        var constraints = await connection.QueryAsync<string>(
            "SELECT conname FROM pg_constraint WHERE contype = 'x' AND conrelid = 'appointments'::regclass"
        );
        var extensions = await connection.QueryAsync<string>("SELECT extname FROM pg_extension");

        Assert.Equal(
            ["appointments_doctor_no_overlap", "appointments_patient_no_overlap"],
            constraints.Order().ToArray()
        );
        Assert.Contains("btree_gist", extensions);
        Assert.Contains("unaccent", extensions);
    }

    [Fact]
    public async Task A_second_launcher_on_the_same_data_directory_reuses_the_running_server_and_leaves_it_running()
    {
        var startedAt = await PostmasterStartTimeAsync(fixture.ConnectionString);
        var options = new LocalPostgresOptions { DataDirectory = fixture.Cluster.DataDirectory, Database = "postgres" };

        await using (var second = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance))
        {
            Assert.Equal(Port(fixture.ConnectionString), Port(second.ConnectionString));
            Assert.Equal(startedAt, await PostmasterStartTimeAsync(second.ConnectionString));
        }

        Assert.Equal(startedAt, await PostmasterStartTimeAsync(fixture.ConnectionString));
    }

    [Fact]
    public async Task Demo_seeding_fills_an_empty_clinic_once_with_appointments_on_each_doctors_grid()
    {
        var now = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var dataSource = await CreateMigratedDatabaseAsync(SeedDatabase);

        await DemoSeeder.SeedAsync(dataSource, clock, NullLogger.Instance);
        await using var connection = await dataSource.OpenConnectionAsync();
        var first = await connection.QuerySingleAsync<SeedCounts>(SeedCountsQuery, new { now });
        await DemoSeeder.SeedAsync(dataSource, clock, NullLogger.Instance);
        var second = await connection.QuerySingleAsync<SeedCounts>(SeedCountsQuery, new { now });

        Assert.InRange(first.Doctors, 30, 60);
        Assert.InRange(first.Patients, 2_500, 5_000);
        Assert.True(first.Past > 1_000, $"{first.Past} past appointments");
        Assert.True(first.Future > 1_000, $"{first.Future} future appointments");
        Assert.Equal(first, second);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(OffGridQuery));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(DuringTimeOffQuery));
        Assert.Equal(
            first.Patients,
            await connection.ExecuteScalarAsync<long>(
                "SELECT count(DISTINCT email) FROM patients WHERE email = lower(email)"
            )
        );
    }

    private static int Port(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Port;

    private static async Task<DateTime> PostmasterStartTimeAsync(string connectionString)
    {
        // A fresh, unpooled connection proves the server answers now, not that a pooled one survived.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<DateTime>("SELECT pg_postmaster_start_time()");
    }

    private async Task<NpgsqlDataSource> CreateMigratedDatabaseAsync(string database)
    {
        await using (var connection = await fixture.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await connection.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = database };
        SchemaMigrator.Migrate(connectionString.ConnectionString, withQueryIndexes: true, NullLogger.Instance);
        return NpgsqlDataSource.Create(connectionString.ConnectionString);
    }

    private sealed record SeedCounts(long Doctors, long Patients, long Past, long Future);
}

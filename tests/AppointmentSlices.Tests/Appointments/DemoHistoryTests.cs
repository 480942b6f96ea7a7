using AppointmentSlices.Infrastructure.Seeding;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class DemoHistoryTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    // Per appointment: its events in order, checked against what the appointment is now.
    private const string HistoriesSql = """
        SELECT a.status AS Status,
               count(e.id) AS Events,
               count(e.id) FILTER (WHERE e.kind = 'Booked') AS Booked,
               (array_agg(e.kind ORDER BY e.occurred_at, e.id))[1] AS FirstKind,
               (array_agg(e.kind ORDER BY e.occurred_at DESC, e.id DESC))[1] AS LastKind,
               (array_agg(e.status ORDER BY e.occurred_at DESC, e.id DESC))[1] AS LastStatus,
               bool_and(e.starts_at = a.starts_at AND e.ends_at = a.ends_at) AS SameTimes,
               max(e.occurred_at) <= @now AS NoneInFuture
        FROM appointments a
        LEFT JOIN appointment_events e ON e.appointment_id = a.id
        GROUP BY a.id, a.status
        """;

    [Fact]
    public async Task Every_seeded_appointment_has_a_history_that_ends_in_its_status()
    {
        await DemoSeeder.SeedAsync(Database.DataSource, App.Clock, NullLogger.Instance);

        await using var connection = await Database.DataSource.OpenConnectionAsync();
        // Fresh statistics: planned before autovacuum has looked at the new rows, this join can take many minutes.
        await connection.ExecuteAsync("ANALYZE appointments, appointment_events");
        var histories = (
            await connection.QueryAsync<History>(HistoriesSql, new { now = ClinicApp.Now.UtcDateTime })
        ).ToList();

        Assert.NotEmpty(histories);
        Assert.All(histories, h => Assert.Equal(1, h.Booked));
        Assert.All(histories, h => Assert.Equal("Booked", h.FirstKind));
        Assert.All(histories, h => Assert.Equal(h.Status, h.LastStatus));
        Assert.All(histories.Where(h => h.Status == "Scheduled"), h => Assert.Equal(1, h.Events));
        Assert.All(histories.Where(h => h.Status != "Scheduled"), h =>
            Assert.Equal((2, h.Status), (h.Events, h.LastKind))
        );
        Assert.All(histories, h => Assert.True(h.SameTimes && h.NoneInFuture));
        Assert.Equal(
            ["Cancelled", "Completed", "NoShow", "Scheduled"],
            histories.Select(h => h.Status).Distinct().Order()
        );
    }

    private sealed record History(
        string Status,
        long Events,
        long Booked,
        string FirstKind,
        string LastKind,
        string LastStatus,
        bool SameTimes,
        bool NoneInFuture
    );
}

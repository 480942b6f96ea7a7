using System.Text.Json;
using AppointmentSlices.Features.ListPatients;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Dapper;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

/// <summary>
/// The patient search on 100,000 patients: asserts the plans PostgreSQL picks for the very SQL the store runs,
/// never a duration (performance is measured by the bench).
/// </summary>
[Collection("Database")]
public sealed class PatientSearchPlanTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    // Spanish first names and surnames in every combination; emails and phones unique.
    private const string SeedSql = """
        INSERT INTO patients (id, full_name, email, phone)
        SELECT gen_random_uuid(),
               n.first[1 + i % 40] || ' ' || n.last[1 + (i / 40) % 50] || ' ' || n.last[1 + (i / 2000) % 50],
               'patient' || i || '@example.org',
               '+34 6' || lpad(((i::bigint * 7919) % 100000000)::text, 8, '0')
        FROM generate_series(1, 100000) AS i,
             (SELECT ARRAY['Ana', 'Luis', 'María', 'José', 'Carmen', 'Javier', 'Lucía', 'Pablo', 'Elena', 'Sergio',
                           'Marta', 'David', 'Laura', 'Jorge', 'Paula', 'Daniel', 'Sara', 'Carlos', 'Irene', 'Álvaro',
                           'Cristina', 'Raúl', 'Nuria', 'Iván', 'Rocío', 'Óscar', 'Pilar', 'Rubén', 'Alba', 'Hugo',
                           'Noelia', 'Adrián', 'Sonia', 'Marcos', 'Silvia', 'Diego', 'Beatriz', 'Andrés', 'Eva',
                           'Jesús'] AS first,
                     ARRAY['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez',
                           'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez',
                           'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos',
                           'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Morales', 'Suárez', 'Ortega', 'Delgado',
                           'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Iglesias', 'Medina', 'Garrido',
                           'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto'] AS last) AS n
        """;

    [Fact]
    public async Task Searching_100000_patients_uses_the_trigram_and_name_indexes()
    {
        await SeedAsync();
        var zoe = await Client.RegisterPatientAsync(
            "Zoë O'Brien-Núñez",
            "zoe.obrien@mail.example.net",
            "+34 612-345-678"
        );
        await AnalyzeAsync();

        Assert.Contains(("Bitmap Index Scan", "patients_name_trgm_idx"), await PlanAsync("o'brien"));
        Assert.Contains(("Bitmap Index Scan", "patients_email_trgm_idx"), await PlanAsync("obrien@mail"));
        Assert.Contains(("Bitmap Index Scan", "patients_phone_trgm_idx"), await PlanAsync("612 345"));
        Assert.Contains(("Bitmap Index Scan", "patients_name_trgm_idx"), await PlanAsync("zoe nunez"));

        // A common word matches early on the name order, so walking the name index beats collecting every match.
        Assert.DoesNotContain(await PlanAsync("garcia"), node => node.Type == "Seq Scan");
        Assert.Contains(("Index Scan", "patients_name_idx"), await PlanAsync("zo"));
        Assert.Contains(("Index Scan", "patients_name_idx"), await PlanAsync(null));

        Assert.Contains(zoe, PatientsApi.Ids(await Client.ListPatientsAsync("q=612%20345&limit=100")));
        Assert.Contains(zoe, PatientsApi.Ids(await Client.ListPatientsAsync("q=BRIEN-NU")));
        Assert.Contains(zoe, PatientsApi.Ids(await Client.ListPatientsAsync("q=nunez%20zoe")));
    }

    private async Task SeedAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(SeedSql, commandTimeout: 300);
    }

    // Fresh statistics, and the GIN indexes' pending entries merged, as autovacuum would do in time.
    private async Task AnalyzeAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("VACUUM ANALYZE patients", commandTimeout: 300);
    }

    private async Task<List<(string Type, string? Index)>> PlanAsync(string? q)
    {
        var search = PatientSearch.For(q);
        var parameters = PostgresListPatientsStore.Parameters(search, null, 21);
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        var json = await connection.QuerySingleAsync<string>(
            "EXPLAIN (FORMAT JSON) " + PostgresListPatientsStore.SqlFor(search, after: false),
            parameters
        );
        using var plan = JsonDocument.Parse(json);
        var nodes = new List<(string Type, string? Index)>();
        Collect(plan.RootElement[0].GetProperty("Plan"), nodes);
        return nodes;
    }

    private static void Collect(JsonElement node, List<(string Type, string? Index)> nodes)
    {
        var index = node.TryGetProperty("Index Name", out var name) ? name.GetString() : null;
        nodes.Add((node.GetProperty("Node Type").GetString()!, index));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Collect(child, nodes);
            }
        }
    }
}

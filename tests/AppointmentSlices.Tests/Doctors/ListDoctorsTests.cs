using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Doctors;

[Collection("Database")]
public sealed class ListDoctorsTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderTheory]
    [InlineData("cardiologia", "José Martínez Ruiz")]
    [InlineData("CARDIOLOGÍA", "José Martínez Ruiz")]
    [InlineData("Pediatria", "María Fernández López")]
    public async Task Doctors_are_filtered_by_specialty_ignoring_accents_and_case(string specialty, string expected)
    {
        await AddSearchableDoctorsAsync();

        var names = Names(await ListAsync($"specialty={Uri.EscapeDataString(specialty)}"));

        Assert.Equal([expected], names);
    }

    [ProviderTheory]
    [InlineData("jose", "José Martínez Ruiz")]
    [InlineData("MARIA", "María Fernández López")]
    [InlineData("fernandez", "María Fernández López")]
    [InlineData("  martínez ", "José Martínez Ruiz")]
    public async Task Doctors_are_found_by_part_of_the_name_ignoring_accents_and_case(string name, string expected)
    {
        await AddSearchableDoctorsAsync();

        var names = Names(await ListAsync($"name={Uri.EscapeDataString(name)}"));

        Assert.Equal([expected], names);
    }

    [ProviderTheory]
    [InlineData("%", "Ana 100% Natural")]
    [InlineData("_", "Luis de_la Torre")]
    [InlineData("0%", "Ana 100% Natural")]
    [InlineData(@"\", @"Pedro Barra\Invertida")]
    public async Task Like_wildcards_in_the_name_match_literally(string name, string expected)
    {
        await AddSearchableDoctorsAsync();

        var names = Names(await ListAsync($"name={Uri.EscapeDataString(name)}"));

        Assert.Equal([expected], names);
    }

    [ProviderFact]
    public async Task Doctors_not_taking_bookings_are_not_listed()
    {
        await Clinic.Doctor("Retirado Antiguo").Inactive().SaveAsync();
        var activeId = await Clinic.Doctor("Activa Presente").SaveAsync();

        var items = (await ListAsync("")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([activeId], items.Select(i => i.GetProperty("id").GetGuid()));
    }

    [ProviderFact(NotOnTestServer = "it sorts and compares UUIDs in another order than MongoDB's byte order")]
    public async Task Paging_by_two_returns_every_doctor_exactly_once_in_name_then_id_order()
    {
        (string Name, string Key)[] doctors =
        [
            ("Ana Ruiz", "ana ruiz"),
            ("Carlos Soto", "carlos soto"),
            ("Ana Ruiz", "ana ruiz"),
            ("Beatriz Gil", "beatriz gil"),
            ("Álvaro Díaz", "alvaro diaz"),
            ("Ana Ruiz", "ana ruiz"),
            ("Carlos Soto", "carlos soto"),
        ];
        var inserted = new List<(Guid Id, string Key)>();
        foreach (var (name, key) in doctors)
        {
            inserted.Add((await Clinic.Doctor(name).SaveAsync(), key));
        }

        var expected = inserted
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ThenBy(d => d.Id.ToString(), StringComparer.Ordinal)
            .Select(d => d.Id)
            .ToList();

        var first = await WalkAsync(limit: 2);
        var second = await WalkAsync(limit: 2);

        Assert.Equal([2, 2, 2, 1], first.Select(p => p.Count));
        Assert.Equal(expected, first.SelectMany(p => p));
        Assert.Equal(expected, second.SelectMany(p => p));
        Assert.Equal(expected, Ids(await ListAsync("limit=100")));
    }

    [ProviderFact]
    public async Task Paging_by_two_through_distinct_names_returns_each_doctor_once_in_accent_free_name_order()
    {
        var carlos = await Clinic.Doctor("Carlos Soto").SaveAsync();
        var alvaro = await Clinic.Doctor("Álvaro Díaz").SaveAsync();
        var beatriz = await Clinic.Doctor("Beatriz Gil").SaveAsync();
        var ana = await Clinic.Doctor("Ana Ruiz").SaveAsync();
        var daniel = await Clinic.Doctor("Daniel Núñez").SaveAsync();

        var pages = await WalkAsync(limit: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal([alvaro, ana, beatriz, carlos, daniel], pages.SelectMany(p => p));
    }

    [ProviderTheory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("101")]
    [InlineData("100000")]
    public async Task A_limit_outside_1_to_100_returns_400(string limit)
    {
        var response = await Client.GetAsync($"/api/doctors?limit={limit}");

        await response.AssertFieldErrorAsync("limit");
    }

    [ProviderTheory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_cursor_this_api_did_not_issue_returns_400(string cursor)
    {
        var response = await Client.GetAsync($"/api/doctors?cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertFieldErrorAsync("cursor");
    }

    [ProviderFact]
    public async Task A_forged_cursor_holding_a_control_character_returns_400()
    {
        await Clinic.Doctor("Ana Ruiz").SaveAsync();
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Guid.CreateVersion7():N}ana\u0000"));

        var response = await Client.GetAsync($"/api/doctors?cursor={forged}");

        await response.AssertFieldErrorAsync("cursor");
    }

    private async Task AddSearchableDoctorsAsync()
    {
        await Clinic.Doctor("José Martínez Ruiz").Specialty("Cardiología").SaveAsync();
        await Clinic.Doctor("María Fernández López").Specialty("Pediatría").SaveAsync();
        await Clinic.Doctor("Ana 100% Natural").Specialty("Dermatología").SaveAsync();
        await Clinic.Doctor("Luis de_la Torre").Specialty("Traumatología").SaveAsync();
        await Clinic.Doctor(@"Pedro Barra\Invertida").Specialty("Oftalmología").SaveAsync();
        await Clinic.Doctor("Sergio Alonso Vega").Specialty("Psiquiatría").SaveAsync();
    }

    private async Task<List<List<Guid>>> WalkAsync(int limit)
    {
        var pages = new List<List<Guid>>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? $"limit={limit}" : $"limit={limit}&cursor={Uri.EscapeDataString(cursor)}";
            var page = await ListAsync(query);
            pages.Add(Ids(page));
            var next = page.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
            Assert.True(pages.Count <= 10, "Paging never ended.");
        } while (cursor is not null);

        return pages;
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        var response = await Client.GetAsync($"/api/doctors?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static string[] Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()!).ToArray();
}

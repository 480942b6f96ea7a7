using System.Buffers.Text;
using System.Text;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

[Collection("Database")]
public sealed class ListPatientsTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task The_older_route_without_parameters_lists_patients_by_name()
    {
        await Clinic.AddPatientAsync("Carlos Soto", "carlos@example.org");
        await Clinic.AddPatientAsync("Álvaro Díaz", "alvaro@example.org");
        await Clinic.AddPatientAsync("Beatriz Gil", "beatriz@example.org");

        var page = await Client.ListPatientsAsync();

        Assert.Equal(["Álvaro Díaz", "Beatriz Gil", "Carlos Soto"], PatientsApi.Names(page));
        Assert.Null(PatientsApi.NextCursor(page));
        var first = page.GetProperty("items")[0];
        Assert.Equal("alvaro@example.org", first.GetProperty("email").GetString());
        Assert.Equal("+34 600 000 000", first.GetProperty("phone").GetString());
    }

    [ProviderTheory]
    [InlineData("zoe")]
    [InlineData("ZOË")]
    [InlineData("rien-n")]
    [InlineData("O'BRIEN")]
    [InlineData("brien-nunez")]
    [InlineData("Núñez")]
    [InlineData("  nunez  ")]
    [InlineData("zo")]
    [InlineData("Z")]
    public async Task Patients_are_found_by_part_of_the_name_ignoring_accents_and_case(string q)
    {
        await AddSearchablePatientsAsync();

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal(["Zoë O'Brien-Núñez"], PatientsApi.Names(page));
    }

    [ProviderTheory]
    [InlineData("ZOE.OBRIEN@")]
    [InlineData("obrien@mail")]
    [InlineData("Mail.Example.NET")]
    public async Task Patients_are_found_by_part_of_the_email_ignoring_case(string q)
    {
        await AddSearchablePatientsAsync();

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal(["Zoë O'Brien-Núñez"], PatientsApi.Names(page));
    }

    [ProviderTheory]
    [InlineData("612 345")]
    [InlineData("612345678")]
    [InlineData("+34 612-345")]
    [InlineData("(612) 345.678")]
    [InlineData("345 678")]
    public async Task Patients_are_found_by_the_digits_of_their_phone(string q)
    {
        await AddSearchablePatientsAsync();

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal(["Zoë O'Brien-Núñez"], PatientsApi.Names(page));
    }

    [ProviderTheory]
    [InlineData("ólafur", "Ólafur Þór")]
    [InlineData("thor", "Ólafur Þór")]
    [InlineData("Þór", "Ólafur Þór")]
    [InlineData("李小龍", "李小龍")]
    [InlineData("李小", "李小龍")]
    public async Task Names_in_other_alphabets_are_found(string q, string expected)
    {
        await AddSearchablePatientsAsync();

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal([expected], PatientsApi.Names(page));
    }

    [ProviderTheory]
    [InlineData("ob")]
    [InlineData("34")]
    [InlineData("zz")]
    public async Task One_or_two_characters_match_only_the_start_of_the_name(string q)
    {
        await AddSearchablePatientsAsync();

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Empty(PatientsApi.Names(page));
    }

    [ProviderTheory]
    [InlineData("ana nunez")]
    [InlineData("NÚÑEZ ana")]
    [InlineData("  ana   matilde  nunez ")]
    [InlineData("ana m nunez")]
    public async Task Several_words_find_the_names_holding_every_one_of_them_in_any_order(string q)
    {
        await Clinic.AddPatientAsync("Ana Matilde Núñez Armijo", "ana.matilde@example.org");
        await Clinic.AddPatientAsync("Ana García Soto", "ana.garcia@example.org");
        await Clinic.AddPatientAsync("Luis Núñez Prado", "luis@example.org");

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal(["Ana Matilde Núñez Armijo"], PatientsApi.Names(page));
    }

    [ProviderFact]
    public async Task Letters_and_digits_together_do_not_search_the_phone()
    {
        await AddSearchablePatientsAsync();

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString("ana 612")}");

        Assert.Empty(PatientsApi.Names(page));
    }

    [ProviderTheory]
    [InlineData("a_b@", "a_b@example.org")]
    [InlineData("100%", "ventas100%@example.org")]
    [InlineData(@"x\y", @"x\y@example.org")]
    public async Task Like_wildcards_in_the_search_match_literally(string q, string expectedEmail)
    {
        await Clinic.AddPatientAsync("Uno", "a_b@example.org");
        await Clinic.AddPatientAsync("Dos", "axb@example.org");
        await Clinic.AddPatientAsync("Tres", "ventas100%@example.org");
        await Clinic.AddPatientAsync("Cuatro", "ventas1000@example.org");
        await Clinic.AddPatientAsync("Cinco", @"x\y@example.org");
        await Clinic.AddPatientAsync("Seis", "xy@example.org");

        var page = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}");

        var emails = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString());
        Assert.Equal([expectedEmail], emails);
    }

    [ProviderTheory(NotOnTestServer = "compares binary uuids out of BSON order in $gt, the keyset's id tie-break")]
    [InlineData("")]
    [InlineData("q=ana")]
    public async Task Paging_by_two_returns_every_patient_exactly_once_in_name_then_id_order(string filter)
    {
        (string Name, string Key)[] patients =
        [
            ("Ana Ruiz", "ana ruiz"),
            ("Mariana Soto", "mariana soto"),
            ("Ana Ruiz", "ana ruiz"),
            ("Beatriz Gil", "beatriz gil"),
            ("Álvaro Díaz Ana", "alvaro diaz ana"),
            ("Ana Ruiz", "ana ruiz"),
            ("Juliana Soto", "juliana soto"),
        ];
        var inserted = new List<(Guid Id, string Key)>();
        for (var i = 0; i < patients.Length; i++)
        {
            inserted.Add((await Clinic.AddPatientAsync(patients[i].Name, $"p{i}@example.org"), patients[i].Key));
        }

        var expected = inserted
            .Where(p => filter == "" || p.Key.Contains("ana", StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Id.ToString(), StringComparer.Ordinal)
            .Select(p => p.Id)
            .ToList();

        var pages = await WalkAsync(filter, limit: 2);

        Assert.All(pages.SkipLast(1), page => Assert.Equal(2, page.Count));
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.Equal(expected, PatientsApi.Ids(await Client.ListPatientsAsync($"{filter}&limit=100")));
    }

    [ProviderFact]
    public async Task Without_a_limit_a_page_holds_20_patients()
    {
        for (var i = 0; i < 21; i++)
        {
            await Clinic.AddPatientAsync($"Paciente {i:00}", $"p{i}@example.org");
        }

        var page = await Client.ListPatientsAsync();

        Assert.Equal(20, PatientsApi.Ids(page).Count);
        Assert.NotNull(PatientsApi.NextCursor(page));
    }

    [ProviderTheory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("cursor=!!!", "cursor")]
    [InlineData("cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "cursor")]
    [InlineData("q=%00ana", "q")]
    public async Task A_bad_limit_cursor_or_search_returns_400(string query, string field)
    {
        var response = await Client.GetAsync($"/api/patients?{query}");

        await response.AssertFieldErrorAsync(field);
    }

    [ProviderFact]
    public async Task A_search_over_200_characters_returns_400()
    {
        var response = await Client.GetAsync($"/api/patients?q={new string('a', 201)}");

        await response.AssertFieldErrorAsync("q");
    }

    [ProviderFact]
    public async Task A_forged_cursor_holding_a_control_character_returns_400()
    {
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Guid.CreateVersion7():N}ana\u0000"));

        var response = await Client.GetAsync($"/api/patients?cursor={forged}");

        await response.AssertFieldErrorAsync("cursor");
    }

    [ProviderFact]
    public async Task A_limit_that_is_not_a_number_returns_400()
    {
        var response = await Client.GetAsync("/api/patients?limit=many");

        await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "/problems/malformed-request");
    }

    private async Task AddSearchablePatientsAsync()
    {
        await Client.RegisterPatientAsync("Zoë O'Brien-Núñez", "Zoe.OBrien@mail.example.net", "+34 612-345-678");
        await Client.RegisterPatientAsync("Ana Ruiz Gil", "ana.ruiz@example.org", "+34 699 000 111");
        await Client.RegisterPatientAsync("Ólafur Þór", "olafur@example.is", "+354 555 0199");
        await Client.RegisterPatientAsync("李小龍", "lee@example.hk", "+852 2123 4567");
    }

    private async Task<List<List<Guid>>> WalkAsync(string filter, int limit)
    {
        var pages = new List<List<Guid>>();
        string? cursor = null;
        do
        {
            var query = $"{filter}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await Client.ListPatientsAsync(query);
            pages.Add(PatientsApi.Ids(page));
            cursor = PatientsApi.NextCursor(page);
            Assert.True(pages.Count <= 10, "Paging never ended.");
        } while (cursor is not null);

        return pages;
    }
}

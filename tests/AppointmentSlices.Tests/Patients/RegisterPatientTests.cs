using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

[Collection("Database")]
public sealed class RegisterPatientTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Registering_a_patient_returns_201_with_the_patient_and_where_to_read_them()
    {
        var response = await Client.RegisterAsync(
            "  Carmen Ortega Ruiz ",
            " carmen.ortega@example.org ",
            "+34 612 345 678"
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/patients/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Carmen Ortega Ruiz", created.GetProperty("fullName").GetString());
        Assert.Equal("carmen.ortega@example.org", created.GetProperty("email").GetString());
        Assert.Equal("+34 612 345 678", created.GetProperty("phone").GetString());
        Assert.Equal("2026-03-16T07:00:00+00:00", created.GetProperty("registeredAt").GetString());
        Assert.Equal(JsonNull, created.GetProperty("erasedAt").ValueKind);

        var read = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal(id, read.GetProperty("id").GetGuid());
        Assert.Equal("Carmen Ortega Ruiz", read.GetProperty("fullName").GetString());
        Assert.Equal("carmen.ortega@example.org", read.GetProperty("email").GetString());
        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderTheory]
    [InlineData("Zoë O'Brien-Núñez")]
    [InlineData("李小龍")]
    [InlineData("Ólafur Þór")]
    [InlineData("Αλέξανδρος Παπαδόπουλος")]
    [InlineData("Nguyễn Thị Minh Khai")]
    [InlineData("محمد بن سلمان")]
    [InlineData("Siân ap Dafydd-Llŷr")]
    [InlineData("Jean-Luc D'Aubigné")]
    public async Task International_names_round_trip_exactly(string fullName)
    {
        var id = await Client.RegisterPatientAsync(fullName, "someone@example.org");

        var read = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal(fullName, read.GetProperty("fullName").GetString());

        var renamed = fullName + " Ñ";
        var updated = await PatientsApi.OkAsync(await Client.UpdateAsync(id, renamed, "someone@example.org"));
        Assert.Equal(renamed, updated.GetProperty("fullName").GetString());

        var found = await Client.ListPatientsAsync($"q={Uri.EscapeDataString(fullName)}");
        Assert.Equal([renamed], PatientsApi.Names(found));
    }

    [ProviderTheory]
    [InlineData("carmen@example.org")]
    [InlineData("CARMEN@EXAMPLE.ORG")]
    [InlineData("Carmen@Example.Org")]
    public async Task Registering_an_email_another_patient_has_in_any_case_returns_409(string email)
    {
        await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");

        var response = await Client.RegisterAsync("Otra Persona", email);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task An_email_with_its_accent_typed_as_a_separate_mark_is_the_same_email()
    {
        await Client.RegisterPatientAsync("Élodie Martin", "\u00E9lodie@example.org");

        var response = await Client.RegisterAsync("Otra Persona", "e\u0301lodie@example.org");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task A_name_typed_with_separate_accent_marks_is_stored_composed()
    {
        var response = await Client.RegisterAsync("Jose\u0301 Nu\u0301n\u0303ez", "jose.nunez@example.org");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patient = await response.ReadJsonAsync();
        Assert.Equal("Jos\u00E9 N\u00FA\u00F1ez", patient.GetProperty("fullName").GetString());
    }

    [ProviderFact(
        NotOnTestServer = "parallel transactions inserting one unique key stall: it sees the conflict only at commit"
    )]
    public async Task Ten_parallel_registrations_of_one_email_in_different_cases_register_exactly_one_patient()
    {
        const string email = "lucia.gil@example.org";
        var attempts = Enumerable
            .Range(0, 10)
            .Select(i => new string(
                email.Select((c, at) => ((i >> (at % 4)) & 1) == 1 ? char.ToUpperInvariant(c) : c).ToArray()
            ))
            .Select(variant => Client.RegisterAsync("Lucía Gil", variant));

        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        }

        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderTheory]
    [InlineData("", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("   ", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("Ana\u0000Ruiz", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("Ana\nRuiz", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("\u200B", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("Ana\u202ERuiz", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("Ana\u00ADRuiz", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("1234 --", "ana@example.org", "+34 612 345 678", "fullName")]
    [InlineData("Ana Ruiz", "", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "a@b", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "ana@example.org.", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "ana@example..org", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "ana@.example.org", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "ana.example.org", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "ana ruiz@example.org", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "erased-1@invalid", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "ana@clinic.invalid", "+34 612 345 678", "email")]
    [InlineData("Ana Ruiz", "ana@example.org", "", "phone")]
    [InlineData("Ana Ruiz", "ana@example.org", "12", "phone")]
    [InlineData("Ana Ruiz", "ana@example.org", "call me", "phone")]
    [InlineData("Ana Ruiz", "ana@example.org", "+-------", "phone")]
    [InlineData("Ana Ruiz", "ana@example.org", "+1 (23) 4", "phone")]
    [InlineData("Ana Ruiz", "ana@example.org", "+34 612 345 678 901 234 567 890 123 45", "phone")]
    public async Task Invalid_details_return_400_naming_the_field(
        string fullName,
        string email,
        string phone,
        string field
    )
    {
        var response = await Client.RegisterAsync(fullName, email, phone);

        await response.AssertFieldErrorAsync(field);
        Assert.Equal(0, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task Names_and_emails_over_their_length_limits_return_400()
    {
        var longName = await Client.RegisterAsync(new string('a', 201), "ana@example.org");
        var longEmail = await Client.RegisterAsync("Ana Ruiz", new string('a', 243) + "@example.org");
        var longestName = await Client.RegisterAsync(new string('á', 200), "ana@example.org");

        await longName.AssertFieldErrorAsync("fullName");
        await longEmail.AssertFieldErrorAsync("email");
        Assert.Equal(HttpStatusCode.Created, longestName.StatusCode);
    }

    [ProviderFact]
    public async Task A_body_missing_its_fields_returns_400_naming_each()
    {
        var response = await Client.PostJsonTextAsync("/api/patients", "{}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("fullName", out _));
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
    }

    [ProviderFact]
    public async Task A_body_that_is_not_json_returns_400_malformed_request()
    {
        var response = await Client.PostJsonTextAsync("/api/patients", "{ fullName: ");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-request");
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}

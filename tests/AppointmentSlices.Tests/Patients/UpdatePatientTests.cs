using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

[Collection("Database")]
public sealed class UpdatePatientTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Updating_a_patient_replaces_their_details()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");

        var response = await Client.UpdateAsync(id, " Carmen Ortega Núñez ", "c.ortega@example.org", "+34 699 111 222");

        var updated = await PatientsApi.OkAsync(response);
        Assert.Equal("Carmen Ortega Núñez", updated.GetProperty("fullName").GetString());
        var read = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal("Carmen Ortega Núñez", read.GetProperty("fullName").GetString());
        Assert.Equal("c.ortega@example.org", read.GetProperty("email").GetString());
        Assert.Equal("+34 699 111 222", read.GetProperty("phone").GetString());
        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task A_patient_may_change_the_letter_case_of_their_own_email()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");

        var response = await Client.UpdateAsync(id, "Carmen Ortega", "Carmen@Example.org");

        Assert.Equal("Carmen@Example.org", (await PatientsApi.OkAsync(response)).GetProperty("email").GetString());
    }

    [ProviderTheory]
    [InlineData("luis@example.org")]
    [InlineData("LUIS@example.ORG")]
    public async Task Updating_to_an_email_another_patient_has_in_any_case_returns_409_and_changes_nothing(string email)
    {
        await Client.RegisterPatientAsync("Luis Gil", "luis@example.org");
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");

        var response = await Client.UpdateAsync(id, "Carmen Cambiada", email);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        var read = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal("Carmen Ortega", read.GetProperty("fullName").GetString());
        Assert.Equal("carmen@example.org", read.GetProperty("email").GetString());
    }

    [ProviderFact]
    public async Task Updating_an_unknown_patient_returns_404()
    {
        var response = await Client.UpdateAsync(Guid.CreateVersion7(), "Nadie", "nadie@example.org");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task An_erased_patient_cannot_be_updated()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");
        await PatientsApi.OkAsync(await Client.EraseAsync(id));

        var response = await Client.UpdateAsync(id, "Carmen Ortega", "carmen@example.org");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/status-conflict");
        var read = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal("Erased patient", read.GetProperty("fullName").GetString());
    }

    [ProviderFact]
    public async Task Invalid_details_return_400_and_change_nothing()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", "carmen@example.org");

        var response = await Client.UpdateAsync(id, "", "not-an-email", "x");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("fullName", out _));
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
        var read = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal("carmen@example.org", read.GetProperty("email").GetString());
    }
}

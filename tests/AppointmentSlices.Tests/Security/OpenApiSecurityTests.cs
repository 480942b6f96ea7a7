using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Security;

/// <summary>X-Api-Key in the OpenAPI document on staff routes only; an anonymous booking stays "api".</summary>
[Collection("Database")]
public sealed class OpenApiSecurityTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task The_document_declares_the_api_key_scheme()
    {
        var document = await (await AnonymousClient.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [ProviderTheory]
    [InlineData("/api/patients", "get", true)]
    [InlineData("/api/patients", "post", true)]
    [InlineData("/api/appointments/{id}/cancel", "post", true)]
    [InlineData("/api/doctors", "get", false)]
    [InlineData("/api/appointments", "post", false)]
    [InlineData("/api/health", "get", false)]
    public async Task Staff_routes_require_the_key_and_public_ones_do_not(string path, string method, bool staff)
    {
        var document = await (await AnonymousClient.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var schemes = operation.TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList()
            : [];
        Assert.Equal(staff ? ["ApiKey"] : [], schemes);
    }

    [ProviderFact]
    public async Task An_anonymous_booking_is_recorded_as_the_api_and_a_keyed_one_as_its_key()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var anonymous = await AnonymousClient.PostAsJsonAsync("/api/appointments", Booking(doctorId, "09:00", "ana"));
        var keyed = await Client.PostAsJsonAsync("/api/appointments", Booking(doctorId, "09:30", "luis"));

        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, keyed.StatusCode);
        Assert.Equal("api", await BookedByAsync(anonymous));
        Assert.Equal(ClientActor, await BookedByAsync(keyed));
        Assert.StartsWith("apikey:", ClientActor);
    }

    private static object Booking(Guid doctorId, string time, string name) =>
        new
        {
            doctorId,
            startsAt = $"2026-03-17T{time}:00+01:00",
            reason = "Revisión",
            patient = new
            {
                fullName = $"Paciente {name}",
                email = $"{name}@example.org",
                phone = "+34 600 000 000",
            },
        };

    private async Task<string?> BookedByAsync(HttpResponseMessage booked)
    {
        var id = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();
        var history = await (await Client.GetAsync($"/api/appointments/{id}/history")).ReadJsonAsync();
        return history.EnumerateArray().First().GetProperty("actor").GetString();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Hardening;

/// <summary>
/// A body over 64 KB is refused with 413 before anything reads it: problem details on the API, a page on the pages.
/// </summary>
[Collection("Database")]
public sealed class BodySizeTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private static readonly string Huge = new('x', 70_000);

    [Fact]
    public async Task An_oversized_api_body_gets_413_problem_details_and_stores_nothing()
    {
        var response = await Client.PostAsJsonAsync(
            "/api/patients",
            new
            {
                fullName = Huge,
                email = "big@example.org",
                phone = "+34 600 000 000",
            }
        );

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal(0, await Clinic.CountPatientsAsync());
    }

    [Fact]
    public async Task An_oversized_form_gets_413_with_the_error_page()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await AnonymousClient.PostAsync(
            $"/book?doctorId={doctorId}&startsAt=2026-03-17T09%3A00%3A00%2B01%3A00",
            new FormUrlEncodedContent([new("FullName", Huge)])
        );

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }
}

using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Api;

/// <summary>What a first-time user ran into while trying to break the service, pinned so it stays fixed.</summary>
[Collection("Database")]
public sealed class FreshEyesFindingsTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task A_reason_written_over_several_lines_is_accepted()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var request = new
        {
            doctorId,
            startsAt = TuesdayNine,
            reason = "Rash on the arm.\r\nIt itches at night.\tSince Monday.",
            patient = NewPatient(),
        };

        var response = await Client.BookAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await response.ReadJsonAsync();
        Assert.Equal(request.reason, booked.GetProperty("reason").GetString());
    }

    [ProviderFact]
    public async Task A_reason_with_other_control_characters_is_still_refused()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var request = new
        {
            doctorId,
            startsAt = TuesdayNine,
            reason = "Bell\u0007",
            patient = NewPatient(),
        };

        var response = await Client.BookAsync(request);

        await response.AssertFieldErrorAsync("reason");
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }

    [ProviderFact]
    public async Task A_phone_number_with_its_country_code_in_brackets_is_accepted()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var request = new
        {
            doctorId,
            startsAt = TuesdayNine,
            reason = "Revisión",
            patient = new
            {
                fullName = "Nerea Ibarra",
                email = "nerea@example.org",
                phone = "(+34) 612-345-678",
            },
        };

        Assert.Equal(HttpStatusCode.Created, (await Client.BookAsync(request)).StatusCode);
    }

    [ProviderTheory]
    [InlineData("/api/doctors?limit=abc", "limit")]
    [InlineData("/api/doctors?limit=1.5", "limit")]
    [InlineData("/api/doctors?limit=99999999999999999999", "limit")]
    [InlineData("/api/doctors/available-slots?date=2026-03-17", "doctorId")]
    [InlineData("/api/doctors/available-slots?doctorId=abc&date=2026-03-17", "doctorId")]
    public async Task A_query_value_of_the_wrong_type_is_named_in_errors(string url, string field)
    {
        var response = await Client.GetAsync(url);

        var messages = await response.AssertFieldErrorAsync(field, "/problems/malformed-request");
        Assert.DoesNotContain(messages, m => m.Contains("Nullable", StringComparison.Ordinal));
    }

    [ProviderTheory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_json_object_is_named_in_errors(string body)
    {
        var response = await Client.PostJsonTextAsync("/api/appointments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.StartsWith("/problems/", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), problem.ToString());
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }

    [ProviderFact]
    public async Task An_id_that_is_not_a_uuid_in_the_route_gets_the_not_found_problem_type()
    {
        var response = await Client.GetAsync("/api/doctors/abc");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task A_wrong_method_gets_the_method_not_allowed_problem_type()
    {
        var response = await Client.PutAsync("/api/health", new StringContent(""));

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed");
    }

    [ProviderFact]
    public async Task A_head_request_to_health_answers_200_for_probes()
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

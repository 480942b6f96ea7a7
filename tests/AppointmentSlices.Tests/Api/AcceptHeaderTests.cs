using System.Net;
using System.Net.Http.Headers;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Api;

/// <summary>
/// The API answers its problems as JSON whatever the caller's Accept header names: a client that asks for HTML, XML
/// or plain text still gets the status it earned and a problem it can read, never a 500 or a text page.
/// </summary>
[Collection("Database")]
public sealed class AcceptHeaderTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    public static TheoryData<string> NoJson => ["text/html", "application/xml", "text/plain", "image/png"];

    [Theory]
    [MemberData(nameof(NoJson))]
    public async Task A_staff_route_without_a_key_answers_401_whatever_is_accepted(string accept)
    {
        var response = await SendAsync(AnonymousClient, HttpMethod.Get, "/api/patients", accept);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "/problems/unauthorized");
    }

    [Theory]
    [MemberData(nameof(NoJson))]
    public async Task A_refused_key_answers_401_whatever_is_accepted(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/doctors");
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Add("X-Api-Key", "not-a-key");

        var response = await AnonymousClient.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "/problems/unauthorized");
    }

    [Theory]
    [InlineData("GET", "/api/nowhere", HttpStatusCode.NotFound, "/problems/not-found")]
    [InlineData("GET", "/api/doctors/not-an-id", HttpStatusCode.NotFound, "/problems/not-found")]
    [InlineData("PUT", "/api/health", HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed")]
    public async Task A_route_or_method_that_does_not_exist_answers_a_problem_to_a_client_wanting_xml(
        string method,
        string path,
        HttpStatusCode status,
        string type
    )
    {
        var response = await SendAsync(Client, new HttpMethod(method), path, "application/xml");

        await response.AssertProblemAsync(status, type);
    }

    [Fact]
    public async Task A_body_of_the_wrong_media_type_answers_415_as_a_problem_to_a_client_wanting_text()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients")
        {
            Content = new StringContent("fullName=Ana", MediaTypeHeaderValue.Parse("text/plain")),
        };
        request.Headers.Accept.ParseAdd("text/plain");

        var response = await Client.SendAsync(request);

        var problem = await response.AssertProblemAsync(
            HttpStatusCode.UnsupportedMediaType,
            "/problems/malformed-request"
        );
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString());
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpMethod method,
        string path,
        string accept
    )
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }
}

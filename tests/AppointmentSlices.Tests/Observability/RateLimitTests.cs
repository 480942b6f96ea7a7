using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Observability;

[Collection("Database")]
public sealed class RateLimitTests(PostgresFixture database, TinyLimitsHost host)
    : IClassFixture<TinyLimitsHost>,
        IAsyncLifetime
{
    private readonly HttpClient _client = host.For(database).CreateClient();

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_burst_past_the_limit_is_answered_429_with_retry_after_and_a_problem_type()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await _client.GetAsync("/api/specialties"));
        }

        Assert.All(answers[..2], answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var rejected = answers[2];
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.InRange(
            rejected.Headers.RetryAfter?.Delta ?? TimeSpan.Zero,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromMinutes(1)
        );
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Booking_has_a_stricter_limit_of_its_own()
    {
        var first = await _client.PostAsJsonAsync("/api/appointments", new { });
        var second = await _client.PostAsJsonAsync("/api/appointments", new { });

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task Signing_in_too_often_gets_the_back_office_s_own_page_not_json()
    {
        await SignInAsync();

        var rejected = await SignInAsync();

        // The sign-in form is the back office's, which is in English whatever the browser asks for; so is its 429.
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("text/html", rejected.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(rejected.Headers.RetryAfter);
        var html = await rejected.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", html);
        Assert.Contains("Back office", html);
    }

    [Fact]
    public async Task Health_checks_are_never_limited()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/health/ready")).StatusCode);
        }
    }

    private Task<HttpResponseMessage> SignInAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/sign-in")
        {
            Content = new FormUrlEncodedContent([new("email", "nobody@clinic.test"), new("password", "wrong")]),
        };
        request.Headers.AcceptLanguage.ParseAdd("es");
        return _client.SendAsync(request);
    }
}

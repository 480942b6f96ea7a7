using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

public static class HttpJson
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(text), $"Expected a JSON body with {(int)response.StatusCode}.");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with this status and type, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(
        this HttpResponseMessage response,
        HttpStatusCode status,
        string type
    )
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="field"/>; returns them.</summary>
    public static async Task<string[]> AssertFieldErrorAsync(
        this HttpResponseMessage response,
        string field,
        string type = "/problems/validation"
    )
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, type);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"Expected errors.{field} in {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"Expected errors.{field} in {errors}");
        var texts = messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        return texts;
    }

    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, object request) =>
        client.PostAsJsonAsync("/api/appointments", request);
}

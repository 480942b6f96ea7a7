using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppointmentSlices.Tests.Harness;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

/// <summary>The patient routes as a client calls them.</summary>
internal static class PatientsApi
{
    public const string Phone = "+34 612 345 678";

    public static Task<HttpResponseMessage> RegisterAsync(
        this HttpClient client,
        string fullName,
        string email,
        string phone = Phone
    ) =>
        client.PostAsJsonAsync(
            "/api/patients",
            new
            {
                fullName,
                email,
                phone,
            }
        );

    /// <summary>Registers a patient, asserting the 201, and returns their id.</summary>
    public static async Task<Guid> RegisterPatientAsync(
        this HttpClient client,
        string fullName,
        string email,
        string phone = Phone
    )
    {
        var response = await client.RegisterAsync(fullName, email, phone);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> UpdateAsync(
        this HttpClient client,
        Guid id,
        string fullName,
        string email,
        string phone = Phone
    ) =>
        client.PutAsJsonAsync(
            $"/api/patients/{id}",
            new
            {
                fullName,
                email,
                phone,
            }
        );

    public static Task<HttpResponseMessage> EraseAsync(this HttpClient client, Guid id) =>
        client.PostAsync($"/api/patients/{id}/erase", null);

    public static async Task<JsonElement> GetPatientAsync(this HttpClient client, Guid id, string query = "") =>
        await OkAsync(await client.GetAsync($"/api/patients/{id}?{query}"));

    public static async Task<JsonElement> ListPatientsAsync(this HttpClient client, string query = "") =>
        await OkAsync(await client.GetAsync($"/api/patients?{query}"));

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return await response.ReadJsonAsync();
    }

    public static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    public static string[] Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()!).ToArray();

    public static string? NextCursor(JsonElement page) =>
        page.GetProperty("nextCursor") is { ValueKind: JsonValueKind.String } next ? next.GetString() : null;
}

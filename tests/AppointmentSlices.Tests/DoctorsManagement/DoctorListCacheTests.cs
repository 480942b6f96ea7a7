using System.Net.Http.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

/// <summary>
/// The public list of doctors comes from the output cache; every change made through the service shows at once,
/// and callers with a key always read the database.
/// </summary>
[Collection("Database")]
public sealed class DoctorListCacheTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task A_doctor_written_behind_the_service_reaches_the_public_list_only_when_its_copy_expires()
    {
        await Clinic.AddMadridDoctorAsync("Ana Beltrán Soto");
        Assert.Equal(["Ana Beltrán Soto"], await NamesAsync(AnonymousClient, "/api/doctors"));

        await Clinic.AddMadridDoctorAsync("Bruno Cano Díaz");

        Assert.Equal(["Ana Beltrán Soto"], await NamesAsync(AnonymousClient, "/api/doctors"));
        Assert.Equal(["Ana Beltrán Soto", "Bruno Cano Díaz"], await NamesAsync(Client, "/api/doctors"));
    }

    [ProviderFact]
    public async Task Creating_renaming_and_deactivating_a_doctor_show_in_the_public_list_at_once()
    {
        var ana = await Clinic.AddMadridDoctorAsync("Ana Beltrán Soto");
        Assert.Equal(["Ana Beltrán Soto"], await NamesAsync(AnonymousClient, "/api/doctors"));

        var created = await Client.PostAsJsonAsync("/api/doctors", Doctor("Bruno Cano Díaz"));
        created.EnsureSuccessStatusCode();
        Assert.Equal(["Ana Beltrán Soto", "Bruno Cano Díaz"], await NamesAsync(AnonymousClient, "/api/doctors"));

        (await Client.PutAsJsonAsync($"/api/doctors/{ana}", Doctor("Ana Beltrán Ruiz"))).EnsureSuccessStatusCode();
        Assert.Equal(["Ana Beltrán Ruiz", "Bruno Cano Díaz"], await NamesAsync(AnonymousClient, "/api/doctors"));

        (await Client.PostAsync($"/api/doctors/{ana}/deactivate?confirm=true", null)).EnsureSuccessStatusCode();
        Assert.Equal(["Bruno Cano Díaz"], await NamesAsync(AnonymousClient, "/api/doctors"));
    }

    [ProviderFact]
    public async Task Each_query_string_has_its_own_copy()
    {
        await Clinic.Doctor("Ana Beltrán Soto").Specialty("Cardiología").SaveAsync();
        await Clinic.Doctor("Bruno Cano Díaz").Specialty("Dermatología").SaveAsync();

        Assert.Equal(["Ana Beltrán Soto"], await NamesAsync(AnonymousClient, "/api/doctors?specialty=cardiologia"));
        Assert.Equal(["Bruno Cano Díaz"], await NamesAsync(AnonymousClient, "/api/doctors?specialty=dermatologia"));
        Assert.Equal(["Ana Beltrán Soto"], await NamesAsync(AnonymousClient, "/api/doctors?limit=1"));
        Assert.Equal(
            ["Ana Beltrán Soto", "Bruno Cano Díaz"],
            await NamesAsync(AnonymousClient, "/api/doctors?limit=2")
        );
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string url)
    {
        var page = await (await client.GetAsync(url)).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("fullName").GetString()!).ToList();
    }

    private static object Doctor(string fullName) =>
        new
        {
            fullName,
            specialty = "Medicina general",
            timeZone = "Europe/Madrid",
            slotMinutes = 30,
        };
}

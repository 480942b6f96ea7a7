using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AppointmentSlices.Tests.Hosting;

/// <summary>
/// Two hosts on one database and one data-protection key folder behave as one site: what one replica wrote into a
/// cookie or a form, the other reads. A host with a key ring of its own does not, which shows the folder matters.
/// </summary>
[Collection("Database")]
public sealed class ReplicaTests(PostgresFixture database) : IAsyncLifetime
{
    private readonly DirectoryInfo _sharedKeys = Directory.CreateTempSubdirectory("clinic-keys-");
    private readonly DirectoryInfo _otherKeys = Directory.CreateTempSubdirectory("clinic-keys-");
    private readonly List<ClinicApp> _replicas = [];

    [Fact]
    public async Task A_sign_in_form_from_one_replica_posts_to_the_other_and_the_session_works_on_both()
    {
        var email = await new PostgresClinicData(database.DataSource, database.ResetAsync).AddStaffAsync();
        using var first = Browser(Replica(_sharedKeys));
        using var second = Browser(Replica(_sharedKeys));

        var form = await first.GetAsync("/admin/sign-in");
        var antiforgery = Cookies(form);
        var fields = (await form.ParseAsync()).Form("form", "/admin/sign-in");
        var signIn = new HttpRequestMessage(HttpMethod.Post, fields.Action)
        {
            Content = fields.With(("email", email), ("password", StaffSessions.Password)),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        var signedIn = await second.SendAsync(signIn);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location?.OriginalString);
        var session = Cookies(signedIn);
        Assert.Contains("clinic-staff=", session);
        foreach (var replica in new[] { first, second })
        {
            var agenda = new HttpRequestMessage(HttpMethod.Get, "/admin");
            agenda.Headers.Add("Cookie", session);
            Assert.Equal(HttpStatusCode.OK, (await replica.SendAsync(agenda)).StatusCode);
        }

        using var stranger = Browser(Replica(_otherKeys));
        var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/admin");
        elsewhere.Headers.Add("Cookie", session);
        var refused = await stranger.SendAsync(elsewhere);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/admin/sign-in", refused.Headers.Location?.OriginalString);
    }

    public Task InitializeAsync() => database.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        _sharedKeys.Delete(recursive: true);
        _otherKeys.Delete(recursive: true);
    }

    private ClinicApp Replica(DirectoryInfo keys)
    {
        var replica = new ClinicApp(
            database.ConnectionString,
            settings: new Dictionary<string, string> { ["DataProtection:KeysPath"] = keys.FullName }
        );
        _replicas.Add(replica);
        return replica;
    }

    // Cookies are handed over by hand, as a browser talking to a proxy in front of both replicas would send them.
    private static HttpClient Browser(ClinicApp replica) =>
        replica.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }
        );

    private static string Cookies(HttpResponseMessage response) =>
        string.Join(
            "; ",
            response.Headers.TryGetValues("Set-Cookie", out var cookies)
                ? cookies.Select(cookie => cookie.Split(';')[0])
                : []
        );
}

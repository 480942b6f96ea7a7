using System.Net;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Infrastructure;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AppointmentSlices.Tests.Security;

/// <summary>A staff session re-reads its account at most once a minute: a lock ends it, a new role applies.</summary>
[Collection("Database")]
public sealed class StaffSessionCheckTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task A_session_of_an_account_locked_since_stops_working_within_a_minute()
    {
        // The clock moves, so this test has a host of its own.
        await using var app = new ClinicApp(Database.ConnectionString, MongoConnectionString);
        using var browser = Browser(app);
        var email = await Data.AddStaffAsync(StaffRoles.Receptionist);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, StaffSessions.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);

        await Data.LockStaffUntilAsync(email, ClinicApp.Now.AddHours(1));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(31));

        var after = await browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/sign-in", after.Headers.Location?.PathAndQuery);
        var api = await browser.GetAsync("/api/patients");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [ProviderFact]
    public async Task A_changed_role_applies_to_a_running_session_within_a_minute()
    {
        await using var app = new ClinicApp(Database.ConnectionString, MongoConnectionString);
        using var browser = Browser(app);
        var email = await Data.AddStaffAsync(StaffRoles.Receptionist);
        await browser.SignInAsync(email, StaffSessions.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/admin/staff")).StatusCode);

        await Data.SetStaffRoleAsync(email, StaffRoles.Admin);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/staff")).StatusCode);

        await Data.SetStaffRoleAsync(email, StaffRoles.Receptionist);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    [ProviderFact]
    public async Task A_session_of_a_deleted_account_stops_working()
    {
        await using var app = new ClinicApp(Database.ConnectionString, MongoConnectionString);
        using var browser = Browser(app);
        var email = await Data.AddStaffAsync(StaffRoles.Receptionist);
        await browser.SignInAsync(email, StaffSessions.Password);

        await Data.DeleteStaffAsync(email);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [ProviderFact]
    public async Task Signing_out_ends_every_session_of_the_account_within_a_minute()
    {
        await using var app = new ClinicApp(Database.ConnectionString, MongoConnectionString);
        using var leaving = Browser(app);
        using var elsewhere = Browser(app);
        var email = await Data.AddStaffAsync(StaffRoles.Receptionist);
        await leaving.SignInAsync(email, StaffSessions.Password);
        await elsewhere.SignInAsync(email, StaffSessions.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/admin")).StatusCode);

        var page = await (await leaving.GetAsync("/admin")).ParseAsync();
        var signedOut = await leaving.SubmitAsync(page.Form("form.signed-in", "/admin"));
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await elsewhere.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/sign-in", after.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/patients")).StatusCode);

        // Signing in again gives a session that lasts.
        await leaving.SignInAsync(email, StaffSessions.Password);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await leaving.GetAsync("/admin")).StatusCode);
    }

    private static HttpClient Browser(ClinicApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private string? MongoConnectionString =>
        Provider == StorageProvider.Mongo ? MongoTestServer.ConnectionString : null;
}

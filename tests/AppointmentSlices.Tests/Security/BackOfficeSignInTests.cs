using System.Net;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AppointmentSlices.Tests.Security;

[Collection("Database")]
public sealed class BackOfficeSignInTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private HttpClient Browser { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Browser = App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
    }

    public override async Task DisposeAsync()
    {
        Browser.Dispose();
        await base.DisposeAsync();
    }

    [ProviderFact]
    public async Task Every_admin_page_sends_an_anonymous_visitor_to_sign_in()
    {
        // Every page under /admin the app maps, read from its endpoints so a new page cannot be forgotten.
        var paths = AdminRoutes(App.Services);
        Assert.Contains("/admin/staff", paths);
        Assert.Contains("/admin/api-keys", paths);

        foreach (var path in paths)
        {
            var response = await AnonymousClient.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode}");
            Assert.StartsWith("/admin/sign-in", response.Headers.Location?.PathAndQuery);
        }
    }

    [ProviderFact]
    public async Task Signing_in_opens_the_back_office_and_signing_out_closes_it()
    {
        var email = await Data.AddStaffAsync(StaffRoles.Receptionist);

        var signIn = await Browser.SignInAsync(email.ToUpperInvariant(), StaffSessions.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var agenda = await Browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, agenda.StatusCode);
        var page = await agenda.ParseAsync();
        Assert.Contains("Test Receptionist", page.QuerySelector(".signed-in")?.TextContent);

        var signOut = await Browser.SubmitAsync(page.Form("form.signed-in"));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.GetAsync("/admin")).StatusCode);
    }

    [ProviderFact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = await Data.AddStaffAsync(StaffRoles.Receptionist);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Browser.SignInAsync(email, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await Browser.SignInAsync(email, StaffSessions.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await right.ParseAsync()).QuerySelector("[role=alert]")?.TextContent);
    }

    [ProviderFact]
    public async Task A_locked_account_and_an_unknown_email_get_the_same_words_so_the_form_reveals_no_account()
    {
        var email = await Data.AddStaffAsync(StaffRoles.Receptionist);
        for (var i = 0; i < 5; i++)
        {
            await Browser.SignInAsync(email, "not-the-password");
        }

        var locked = await Browser.SignInAsync(email, "not-the-password");
        var unknown = await Browser.SignInAsync("nobody-here@clinic.test", "not-the-password");

        Assert.Equal(
            (await unknown.ParseAsync()).QuerySelector("[role=alert]")?.TextContent,
            (await locked.ParseAsync()).QuerySelector("[role=alert]")?.TextContent
        );
    }

    [ProviderFact]
    public async Task A_receptionist_may_not_manage_staff_or_api_keys()
    {
        await Browser.SignInAsStaffAsync(Data, StaffRoles.Receptionist);

        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.GetAsync("/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.GetAsync("/admin/api-keys")).StatusCode);
    }

    [ProviderFact]
    public async Task A_page_the_role_may_not_see_answers_403_in_the_back_office_in_english_whatever_the_language()
    {
        await Browser.SignInAsStaffAsync(Data, StaffRoles.Receptionist);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/staff");
        request.Headers.AcceptLanguage.ParseAdd("es-ES");

        var response = await Browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Back office", page.Title);
        Assert.Contains("does not give access", page.QuerySelector("main")?.TextContent);
    }

    [ProviderFact]
    public async Task An_admin_creates_a_receptionist_who_can_then_sign_in()
    {
        await Browser.SignInAsStaffAsync(Data);
        var page = await (await Browser.GetAsync("/admin/staff")).ParseAsync();

        var created = await Browser.SubmitAsync(
            page.Form("form.card", "/admin/staff"),
            ("DisplayName", "Marta Recepción"),
            ("Email", "marta@clinic.test"),
            ("Role", StaffRoles.Receptionist),
            ("Password", "a-long-enough-password")
        );

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var other = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await other.SignInAsync("Marta@Clinic.test", "a-long-enough-password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [ProviderFact]
    public async Task An_admin_issues_a_key_shown_once_and_revokes_it()
    {
        await Browser.SignInAsStaffAsync(Data);
        var page = await (await Browser.GetAsync("/admin/api-keys")).ParseAsync();

        var issued = await Browser.SubmitAsync(
            page.Form("form.card", "/admin/api-keys?handler=Issue"),
            ("Name", "ERP")
        );

        var answer = await issued.ParseAsync();
        var key = answer.QuerySelector(".issued-key")?.TextContent;
        Assert.Equal(43, key?.Length);
        var listed = await (await Browser.GetAsync("/admin/api-keys")).ParseAsync();
        Assert.Null(listed.QuerySelector(".issued-key"));
        var revokeForms = listed.QuerySelectorAll("form.revoke-form").Length; // the harness's key too
        var revoke = await Browser.SubmitAsync(listed.Form("form.revoke-form"));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var after = await (await Browser.GetAsync("/admin/api-keys")).ParseAsync();
        Assert.Equal(revokeForms - 1, after.QuerySelectorAll("form.revoke-form").Length);
    }

    [ProviderFact]
    public async Task A_patient_manage_link_page_still_opens_without_signing_in()
    {
        var response = await AnonymousClient.GetAsync($"/manage/{new string('a', 43)}");

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static List<string> AdminRoutes(IServiceProvider services) =>
        services
            .GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText)
            .Where(p => p.StartsWith("/admin", StringComparison.Ordinal) && p != "/admin/sign-in")
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{[^}]+\}", Guid.Empty.ToString()))
            .Distinct()
            .ToList();
}

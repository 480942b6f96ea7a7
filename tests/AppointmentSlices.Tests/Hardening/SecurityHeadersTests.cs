using System.Net;
using System.Text.RegularExpressions;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using AppointmentSlices.Tests.ManageAndCalendar;
using Xunit;

namespace AppointmentSlices.Tests.Hardening;

[Collection("Database")]
public sealed partial class SecurityHeadersTests(PostgresFixture database, ClinicHost host)
    : BrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    [ProviderTheory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/admin/patients", HttpStatusCode.OK)]
    [InlineData("/api/specialties", HttpStatusCode.OK)]
    [InlineData("/api/doctors/0194d6a4-0000-7000-8000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-route", HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Policy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Null(Header(response, "Strict-Transport-Security")); // the tests run in Development, over http
    }

    [ProviderFact]
    public async Task A_request_that_fails_with_a_problem_keeps_the_headers()
    {
        var response = await Client.PostJsonTextAsync("/api/appointments", "{ not json");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-request");
        Assert.Equal(Policy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [ProviderFact]
    public async Task The_manage_page_keeps_its_own_no_referrer_policy()
    {
        var booking = await BookAsync(await Clinic.AddMadridDoctorAsync());

        var response = await Browser.GetAsync($"/manage/{booking.Token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal(Policy, Header(response, "Content-Security-Policy"));
    }

    [ProviderFact]
    public async Task The_pages_have_no_inline_script_or_style()
    {
        var booking = await BookAsync(await Clinic.AddMadridDoctorAsync());
        string[] paths = ["/", "/admin", "/admin/appointments", "/admin/patients", "/admin/doctors", "/admin/audit"];

        foreach (var path in paths.Append($"/manage/{booking.Token}"))
        {
            var page = await (await Browser.GetAsync(path)).ParseAsync();
            Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a =>
                a.Name.StartsWith("on", StringComparison.Ordinal)
            );
        }
    }

    [ProviderFact]
    public async Task Scalar_gets_a_fresh_nonce_for_its_inline_script()
    {
        var first = await Client.GetAsync("/scalar");
        var second = await Client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var policy = Header(first, "Content-Security-Policy")!;
        var nonce = NoncePattern().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", await first.Content.ReadAsStringAsync());
        Assert.DoesNotContain(nonce, Header(second, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    [GeneratedRegex("script-src 'self' 'nonce-(?<nonce>[^']+)'")]
    private static partial Regex NoncePattern();
}

using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// A database test with a browser signed in as staff: it keeps cookies and follows no redirect, so a test can post
/// forms with their antiforgery token and see where the back office sends it.
/// </summary>
public abstract class StaffBrowserTest(PostgresFixture database, ClinicHost host) : DatabaseTest(database, host)
{
    protected HttpClient Browser { get; private set; } = null!;

    /// <summary>How the history names <see cref="Browser"/>'s staff member: <c>staff:&lt;id&gt;</c>.</summary>
    protected string StaffActor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Browser = App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        StaffActor = await Browser.SignInAsStaffAsync(Data);
    }

    public override async Task DisposeAsync()
    {
        Browser.Dispose();
        await base.DisposeAsync();
    }
}

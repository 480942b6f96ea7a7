using System.Net;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Tests.Harness.Data;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>A browser signed in as a staff member through the real sign-in page.</summary>
public static class StaffSessions
{
    public const string Password = ClinicData.Password;

    /// <summary>Fills in and sends the sign-in form; the browser must keep cookies.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password)
    {
        var page = await (await browser.GetAsync("/admin/sign-in")).ParseAsync();
        var form = page.Form("form", "/admin/sign-in");
        return await browser.SubmitAsync(form, ("email", email), ("password", password));
    }

    /// <summary>Signs the browser in as a new staff member of this role; returns how the history names them.</summary>
    public static async Task<string> SignInAsStaffAsync(
        this HttpClient browser,
        ClinicData data,
        string role = StaffRoles.Admin,
        Guid? doctorId = null
    )
    {
        var email = await data.AddStaffAsync(role, doctorId);
        var response = await browser.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await data.StaffActorAsync(email);
    }
}

using System.Net;
using AppointmentSlices.Tests.Booking;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AppointmentSlices.Tests.Hardening;

/// <summary>
/// A page asked with a method it has no handler for answers 405 with the methods it takes and the error page,
/// never a 500 from a model nothing filled in (a tester's finding: TRACE, or a POST with a valid token).
/// </summary>
[Collection("Database")]
public sealed class UnhandledMethodTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [Fact]
    public async Task Patient_pages_answer_405_to_methods_they_have_no_handler_for()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await (await Client.BookAsync(Requests.ForNewPatient(doctorId))).ReadJsonAsync();
        var token = booked.GetProperty("manageToken").GetString();
        string[] pages =
        [
            $"/doctors/{doctorId}/slots",
            $"/book/confirmation/{booked.GetProperty("id").GetGuid()}",
            $"/manage/{token}",
        ];

        foreach (var page in pages)
        {
            var response = await AnonymousClient.SendAsync(new HttpRequestMessage(HttpMethod.Trace, page));

            Assert.True(
                response.StatusCode == HttpStatusCode.MethodNotAllowed,
                $"TRACE {page} answered {(int)response.StatusCode}"
            );
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_error_page_shows_the_status_it_was_sent_to_whatever_the_method()
    {
        var response = await AnonymousClient.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/no-such-page"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_with_a_valid_token_to_a_page_that_only_shows_answers_405()
    {
        using var browser = App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        await browser.SignInAsStaffAsync(Data);
        var agenda = await (await browser.GetAsync("/admin")).ParseAsync();
        var token = agenda.QuerySelector($"input[name='{HtmlForms.AntiforgeryField}']")?.GetAttribute("value");
        Assert.NotNull(token);

        var posted = await browser.PostAsync(
            "/admin?handler=NoSuchHandler",
            new FormUrlEncodedContent([new(HtmlForms.AntiforgeryField, token)])
        );

        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
    }
}

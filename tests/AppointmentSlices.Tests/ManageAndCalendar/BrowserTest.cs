using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AppointmentSlices.Tests.ManageAndCalendar;

/// <summary>A test with a browser (keeps cookies, follows no redirect) beside the API client and mediator.</summary>
public abstract class BrowserTest(PostgresFixture database, ClinicHost host) : StaffBrowserTest(database, host)
{
    /// <summary>Tuesday 17 March 2026 in Madrid (UTC+01:00), the week the tests' clock stands in.</summary>
    protected const string TuesdayNine = "2026-03-17T09:00:00+01:00";
    protected const string TuesdayNineThirty = "2026-03-17T09:30:00+01:00";
    protected const string TuesdayTen = "2026-03-17T10:00:00+01:00";

    private static int _patients;

    protected IMediator Mediator => App.Services.GetRequiredService<IMediator>();

    /// <summary>Books through the API for a new patient; the 201 body carries the manage token, once.</summary>
    protected async Task<Booking> BookAsync(
        Guid doctorId,
        string startsAt = TuesdayNine,
        string reason = "Dolor de espalda",
        string? fullName = null
    )
    {
        var n = Interlocked.Increment(ref _patients);
        var response = await Client.BookAsync(
            new
            {
                doctorId,
                startsAt,
                reason,
                patient = new
                {
                    fullName = fullName ?? $"Paciente Gestor {n}",
                    email = $"manage{n}@example.org",
                    phone = "+34 612 345 678",
                },
            }
        );
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var token = body.GetProperty("manageToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        return new Booking(body.GetProperty("id").GetGuid(), body.GetProperty("patientId").GetGuid(), token);
    }

    /// <summary>The free slot starts of one day, as the API lists them.</summary>
    protected async Task<IReadOnlyList<DateTimeOffset>> FreeStartsAsync(Guid doctorId, string date)
    {
        var response = await Client.GetAsync($"/api/doctors/{doctorId}/available-slots?date={date}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return body.GetProperty("slots")
            .EnumerateArray()
            .Select(s => s.GetProperty("startsAt").GetDateTimeOffset())
            .ToList();
    }

    protected static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record Booking(Guid Id, Guid PatientId, string Token);

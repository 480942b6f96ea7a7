using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.UpdatePatient;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using AppointmentSlices.Tests.ManageAndCalendar;
using Xunit;

namespace AppointmentSlices.Tests.Hardening;

/// <summary>The audit log: who changed what, field names only, read through the API and the back office.</summary>
[Collection("Database")]
public sealed class AuditLogTests(PostgresFixture database, ClinicHost host)
    : BrowserTest(database, host),
        IClassFixture<ClinicHost>
{
    // The clock stands still in tests, so both entries share a time and their ids decide the order.
    [ProviderFact(NotOnTestServer = "does not sort binary uuids, the tie-break between entries of one instant")]
    public async Task Booking_and_cancelling_are_logged_with_who_did_it_and_which_fields_changed()
    {
        var booking = await BookAsync(await Clinic.AddMadridDoctorAsync());
        var cancel = await Client.PostAsJsonAsync($"/api/appointments/{booking.Id}/cancel", new { reason = "Viaje" });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var appointment = await EntriesAsync($"?entity=appointment&entityId={booking.Id}");
        var patient = await EntriesAsync($"?entity=patient&entityId={booking.PatientId}");

        Assert.Equal(["Cancelled", "Booked"], appointment.Select(e => e.GetProperty("action").GetString()));
        Assert.All(appointment, e => Assert.Equal(ClientActor, e.GetProperty("actor").GetString()));
        Assert.Equal(["status", "cancellationReason"], Fields(appointment[0]));
        var registered = Assert.Single(patient);
        Assert.Equal("Registered", registered.GetProperty("action").GetString());
        Assert.Equal(["fullName", "email", "phone"], Fields(registered));
    }

    [ProviderFact]
    public async Task A_staff_change_to_a_patient_names_only_the_fields_that_changed_and_never_their_values()
    {
        var patientId = await Clinic.AddPatientAsync("Rosa Vidal", "rosa@example.org");
        var command = new UpdatePatientCommand(patientId, "Rosa Vidal", "rosa.vidal@example.org", "+34 600 000 000");
        var staff = Actor.StaffUser(Guid.CreateVersion7());
        await Mediator.Send(command with { Actor = staff });

        var response = await Client.GetAsync($"/api/audit?entity=patient&entityId={patientId}");
        var text = await response.Content.ReadAsStringAsync();

        var updated = Assert.Single((await EntriesAsync($"?entityId={patientId}")));
        Assert.Equal("Updated", updated.GetProperty("action").GetString());
        Assert.Equal(staff.Value, updated.GetProperty("actor").GetString());
        Assert.Equal(["email"], Fields(updated));
        Assert.DoesNotContain("rosa", text, StringComparison.OrdinalIgnoreCase);
    }

    [ProviderFact(NotOnTestServer = "compares binary uuids out of BSON order in $lt, the keyset's id tie-break")]
    public async Task The_log_pages_newest_first_and_the_back_office_lists_it()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var first = await BookAsync(doctorId, TuesdayNine);
        var second = await BookAsync(doctorId, TuesdayTen);

        var page = await (await Client.GetAsync("/api/audit?limit=2")).ReadJsonAsync();
        var next = page.GetProperty("nextCursor").GetString();
        var rest = await (await Client.GetAsync($"/api/audit?limit=2&cursor={next}")).ReadJsonAsync();
        var html = await (await Browser.GetAsync($"/admin/audit?entity=appointment&entityId={first.Id}")).ParseAsync();

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, rest.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);
        // The test clock stands still, so both bookings' entries share one time: newest first, then by id.
        var all = page.GetProperty("items")
            .EnumerateArray()
            .Concat(rest.GetProperty("items").EnumerateArray())
            .ToList();
        Assert.Equal(4, all.Select(e => e.GetProperty("id").GetGuid()).Distinct().Count());
        var times = all.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var entities = all.Select(e => e.GetProperty("entityId").GetGuid()).ToList();
        Assert.Contains(first.Id, entities);
        Assert.Contains(second.Id, entities);
        var row = Assert.Single(html.QuerySelectorAll("table.audit-log tbody tr"));
        Assert.Contains("Booked", row.TextContent);
    }

    [ProviderTheory]
    [InlineData("?entity=doctor")]
    [InlineData("?entityId=abc")]
    [InlineData("?limit=0")]
    [InlineData("?cursor=AAAA")]
    public async Task A_filter_the_log_cannot_use_is_a_400(string query)
    {
        var response = await Client.GetAsync($"/api/audit{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<JsonElement>> EntriesAsync(string query)
    {
        var response = await Client.GetAsync($"/api/audit{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private static string[] Fields(JsonElement entry) =>
        entry.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()!).ToArray();
}

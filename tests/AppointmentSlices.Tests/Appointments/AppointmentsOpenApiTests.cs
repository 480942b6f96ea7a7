using System.Text.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class AppointmentsOpenApiTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderTheory]
    [InlineData("/api/appointments", "get", "ListAppointments", "200 400")]
    [InlineData("/api/appointments/{id}/cancel", "post", "CancelAppointment", "200 400 404 409")]
    [InlineData("/api/appointments/{id}/reschedule", "post", "RescheduleAppointment", "200 400 404 409")]
    [InlineData("/api/appointments/{id}/outcome", "post", "RecordOutcome", "200 400 404 409")]
    [InlineData("/api/appointments/{id}/history", "get", "GetAppointmentHistory", "200 404")]
    public async Task The_openapi_document_lists_each_appointment_route_with_its_errors(
        string path,
        string method,
        string operationId,
        string statuses
    )
    {
        var document = await (await Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.Equal(["Appointments"], operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order();
        Assert.Equal(statuses.Split(' '), responses);
    }

    [ProviderFact]
    public async Task The_booking_body_in_the_openapi_document_has_no_actor()
    {
        var document = await (await Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("BookAppointmentCommand");
        Assert.False(schema.GetProperty("properties").TryGetProperty("actor", out _));
        Assert.Equal(JsonValueKind.Object, schema.GetProperty("properties").GetProperty("doctorId").ValueKind);
    }
}

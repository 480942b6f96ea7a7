using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AppointmentSlices.Features.CancelAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.FindAppointmentByToken;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using FluentValidation;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class ManageLinkTests(PostgresFixture database, ClinicHost host)
    : AppointmentTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task Booking_returns_a_url_safe_manage_token_and_stores_only_its_sha256()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var booked = await BookAsync(doctorId, TuesdayNine);

        Assert.Equal(43, booked.ManageToken.Length);
        Assert.Equal(32, Base64Url.DecodeFromChars(booked.ManageToken).Length);
        var stored = await Appointments.ReadAsync(booked.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(booked.ManageToken)), stored.ManageTokenHash);
    }

    [ProviderFact]
    public async Task Every_booking_gets_its_own_token()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var first = await BookAsync(doctorId, TuesdayNine);
        var second = await BookAsync(doctorId, TuesdayNine.AddMinutes(30));

        Assert.NotEqual(first.ManageToken, second.ManageToken);
    }

    [ProviderFact]
    public async Task The_token_finds_its_appointment()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var booked = await BookAsync(doctorId, TuesdayNine);

        var found = await Mediator.Send(new FindAppointmentByTokenQuery(booked.ManageToken));

        Assert.Equal(booked.Id, found.Id);
        Assert.Equal("Andrés Molina Ruiz", found.DoctorName);
        Assert.Equal(TuesdayNine, found.StartsAt);
    }

    [ProviderFact]
    public async Task The_token_still_finds_a_cancelled_appointment_with_its_reason()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);
        await Mediator.Send(new CancelAppointmentCommand(booked.Id, "Me viene mal", Actor.Patient));

        var found = await Mediator.Send(new FindAppointmentByTokenQuery(booked.ManageToken));

        Assert.Equal("Cancelled", found.Status);
        Assert.Equal("Me viene mal", found.CancellationReason);
    }

    [ProviderFact]
    public async Task A_well_formed_token_that_names_no_appointment_is_not_found()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        await BookAsync(doctorId, TuesdayNine);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await Mediator.Send(new FindAppointmentByTokenQuery(ManageToken.Create()))
        );
    }

    [ProviderFact]
    public async Task A_token_differing_in_one_character_is_not_found()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var booked = await BookAsync(doctorId, TuesdayNine);
        var token = booked.ManageToken;
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await Mediator.Send(new FindAppointmentByTokenQuery(altered))
        );
    }

    [ProviderTheory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("not a token, not at all, but 43 chars long")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task Text_that_cannot_be_a_token_is_a_validation_error_not_a_crash(string token)
    {
        await Assert.ThrowsAsync<ValidationException>(async () =>
            await Mediator.Send(new FindAppointmentByTokenQuery(token))
        );
    }

    [ProviderFact]
    public async Task The_token_appears_in_the_booking_response_and_nowhere_else_in_the_api()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var bookResponse = await Client.BookAsync(ForNewPatient(doctorId));
        var created = await bookResponse.ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var token = created.GetProperty("manageToken").GetString()!;
        Assert.Equal(43, token.Length);

        var reads = new[]
        {
            await Client.GetStringAsync($"/api/appointments/{id}"),
            await Client.GetStringAsync("/api/appointments"),
            await Client.GetStringAsync($"/api/appointments/{id}/history"),
            await (await CancelAsync(id)).Content.ReadAsStringAsync(),
        };

        Assert.All(reads, body => Assert.DoesNotContain(token, body, StringComparison.Ordinal));
        Assert.All(reads, body => Assert.DoesNotContain("manageToken", body, StringComparison.OrdinalIgnoreCase));
    }

    [ProviderFact]
    public async Task A_client_cannot_claim_to_be_staff_when_booking_through_the_api()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var body = $$"""
            { "doctorId": "{{doctorId}}", "startsAt": "2026-03-17T09:00:00+01:00", "reason": "Gripe",
              "patient": { "fullName": "Ana Ruiz", "email": "ana@example.org", "phone": "+34 612 345 678" },
              "actor": { "value": "staff" } }
            """;

        var response = await Client.PostJsonTextAsync("/api/appointments", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(ClientActor, Assert.Single(await Appointments.EventsAsync(id)).Actor);
    }
}

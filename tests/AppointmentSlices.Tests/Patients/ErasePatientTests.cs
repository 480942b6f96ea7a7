using System.Globalization;
using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Patients;

[Collection("Database")]
public sealed class ErasePatientTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string TuesdayNine = "2026-03-17T09:00:00+01:00";
    private const string Email = "carmen.ortega@example.org";

    private PatientRows Rows => new(Data);

    [ProviderFact]
    public async Task Erasing_anonymises_the_patient()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega Núñez", Email, "+34 612 345 678");

        var erasure = await PatientsApi.OkAsync(await Client.EraseAsync(id));

        Assert.Equal(id, erasure.GetProperty("patientId").GetGuid());
        Assert.Equal("2026-03-16T07:00:00+00:00", erasure.GetProperty("erasedAt").GetString());
        Assert.False(erasure.GetProperty("wasErasedBefore").GetBoolean());
        var patient = (await Client.GetPatientAsync(id)).GetProperty("patient");
        Assert.Equal("Erased patient", patient.GetProperty("fullName").GetString());
        Assert.Equal($"erased-{id}@invalid", patient.GetProperty("email").GetString());
        Assert.Equal("000", patient.GetProperty("phone").GetString());
        Assert.Equal("2026-03-16T07:00:00+00:00", patient.GetProperty("erasedAt").GetString());
    }

    [ProviderFact]
    public async Task Erasing_cancels_future_appointments_frees_their_slots_and_keeps_past_ones_without_reasons()
    {
        var doctor = await Clinic.AddMadridDoctorAsync();
        var id = await Client.RegisterPatientAsync("Carmen Ortega Núñez", Email);
        var future = await BookAsync(doctor, id, TuesdayNine);
        var past = await Rows.AddAppointmentAsync(doctor, id, At("2026-03-09T09:00:00+01:00"), "Completed");
        var pastCancelled = await Rows.AddAppointmentAsync(
            doctor,
            id,
            At("2026-03-10T09:00:00+01:00"),
            "Cancelled",
            cancellationReason: "Tengo gripe"
        );
        var startedToday = await Rows.AddAppointmentAsync(doctor, id, At("2026-03-16T06:45:00Z"));
        var futureCancelled = await Rows.AddAppointmentAsync(doctor, id, At("2026-03-18T09:00:00+01:00"), "Cancelled");
        Assert.DoesNotContain(TuesdayNine, await FreeSlotsAsync(doctor, "2026-03-17"));

        var erasure = await PatientsApi.OkAsync(await Client.EraseAsync(id));

        Assert.Equal(1, erasure.GetProperty("cancelledAppointments").GetInt32());
        Assert.Contains(TuesdayNine, await FreeSlotsAsync(doctor, "2026-03-17"));

        var cancelled = await Rows.AppointmentAsync(future);
        Assert.Equal(
            ("Cancelled", "Patient erased", "(erased)"),
            (cancelled.Status, cancelled.CancellationReason, cancelled.Reason)
        );
        Assert.Null(cancelled.ManageTokenHash);
        var last = (await Rows.EventsAsync(future))[^1];
        Assert.Equal(
            ("Cancelled", "Cancelled", ClientActor, "Patient erased"),
            (last.Kind, last.Status, last.Actor, last.Note)
        );

        Assert.Equal(("Completed", "(erased)"), Fields(await Rows.AppointmentAsync(past)));
        Assert.Equal(("Scheduled", "(erased)"), Fields(await Rows.AppointmentAsync(startedToday)));
        Assert.Equal(("Cancelled", "(erased)"), Fields(await Rows.AppointmentAsync(futureCancelled)));
        Assert.Equal("(erased)", (await Rows.AppointmentAsync(pastCancelled)).CancellationReason);
        Assert.Empty(await Rows.EventsAsync(past));
        Assert.Empty(await Rows.EventsAsync(futureCancelled));

        var appointments = (await Client.GetPatientAsync(id)).GetProperty("appointments");
        Assert.Equal(5, PatientsApi.Ids(appointments).Count);

        var other = await Client.RegisterPatientAsync("Luis Gil", "luis@example.org");
        await BookAsync(doctor, other, TuesdayNine);
    }

    [ProviderFact]
    public async Task Erasing_twice_answers_200_and_changes_nothing_more()
    {
        var doctor = await Clinic.AddMadridDoctorAsync();
        var id = await Client.RegisterPatientAsync("Carmen Ortega", Email);
        var future = await BookAsync(doctor, id, TuesdayNine);
        await PatientsApi.OkAsync(await Client.EraseAsync(id));
        var patientBefore = await Rows.PatientAsync(id);
        var eventsBefore = await Rows.EventsAsync(future);

        var again = await PatientsApi.OkAsync(await Client.EraseAsync(id));

        Assert.True(again.GetProperty("wasErasedBefore").GetBoolean());
        Assert.Equal(0, again.GetProperty("cancelledAppointments").GetInt32());
        Assert.Equal("2026-03-16T07:00:00+00:00", again.GetProperty("erasedAt").GetString());
        Assert.Equal(patientBefore, await Rows.PatientAsync(id));
        Assert.Equal(eventsBefore, await Rows.EventsAsync(future));
    }

    [ProviderFact]
    public async Task An_erased_patient_is_not_found_by_their_old_name_email_or_phone()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega Núñez", Email, "+34 612 345 678");
        await Client.RegisterPatientAsync("Luis Gil", "luis@example.org", "+34 699 000 111");

        await PatientsApi.OkAsync(await Client.EraseAsync(id));

        foreach (var q in new[] { "carmen", "Ortega Núñez", "ca", "carmen.ortega@", "612 345", "612345678", "erased" })
        {
            Assert.Empty(PatientsApi.Names(await Client.ListPatientsAsync($"q={Uri.EscapeDataString(q)}")));
        }

        Assert.Equal(["Luis Gil"], PatientsApi.Names(await Client.ListPatientsAsync()));
    }

    [ProviderFact]
    public async Task The_old_email_of_an_erased_patient_can_register_again_as_a_new_patient()
    {
        var id = await Client.RegisterPatientAsync("Carmen Ortega", Email);
        await PatientsApi.OkAsync(await Client.EraseAsync(id));

        var again = await Client.RegisterPatientAsync("Carmen Ortega", "Carmen.Ortega@example.org");

        Assert.NotEqual(id, again);
        Assert.Equal(2, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task Erasing_an_unknown_patient_returns_404()
    {
        var response = await Client.EraseAsync(Guid.CreateVersion7());

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    private async Task<Guid> BookAsync(Guid doctorId, Guid patientId, string startsAt)
    {
        var response = await Client.BookAsync(
            new
            {
                doctorId,
                startsAt,
                reason = "Migraña",
                patientId,
            }
        );
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<string[]> FreeSlotsAsync(Guid doctorId, string date)
    {
        var slots = await PatientsApi.OkAsync(
            await Client.GetAsync($"/api/doctors/{doctorId}/available-slots?date={date}")
        );
        return slots
            .GetProperty("slots")
            .EnumerateArray()
            .Select(s => s.GetProperty("startsAt").GetString()!)
            .ToArray();
    }

    private static (string Status, string Reason) Fields(StoredAppointmentText row) => (row.Status, row.Reason);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}

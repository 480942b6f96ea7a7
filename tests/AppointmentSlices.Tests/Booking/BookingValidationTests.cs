using System.Net;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Booking;

/// <summary>Every way a booking request can be wrong gives a 400 naming the field, and writes nothing.</summary>
[Collection("Database")]
public sealed class BookingValidationTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string Invalid = "/problems/validation";
    private const string Unreadable = "/problems/malformed-request";

    // JSON members; DOCTOR, INACTIVE, REGISTERED and UNKNOWN become ids once the test has its rows.
    private const string Doctor = "\"doctorId\":\"DOCTOR\"";
    private const string TuesdayNine = "\"startsAt\":\"2026-03-17T09:00:00+01:00\"";
    private const string Reason = "\"reason\":\"Migraña\"";
    private const string NewPatient =
        """{"fullName":"Carmen Ortega","email":"carmen@example.org","phone":"+34 612 345 678"}""";

    public static TheoryData<string, string, string, string> InvalidBookings =>
        new()
        {
            { "off the 30-minute grid", Body("2026-03-17T09:10:00+01:00"), "startsAt", Invalid },
            { "in the lunch break", Body("2026-03-17T14:00:00+01:00"), "startsAt", Invalid },
            { "after hours", Body("2026-03-17T18:00:00+01:00"), "startsAt", Invalid },
            { "on a Sunday", Body("2026-03-22T10:00:00+01:00"), "startsAt", Invalid },
            { "in the past", Body("2026-03-13T09:00:00+01:00"), "startsAt", Invalid },
            { "91 days ahead", Body("2026-06-15T09:00:00+02:00"), "startsAt", Invalid },
            { "unknown doctor", Body(doctor: "UNKNOWN"), "doctorId", Invalid },
            { "empty doctor id", Body(doctor: Guid.Empty.ToString()), "doctorId", Invalid },
            { "inactive doctor", Body(doctor: "INACTIVE"), "doctorId", Invalid },
            {
                "unknown patientId",
                Json(Doctor, TuesdayNine, Reason, "\"patientId\":\"UNKNOWN\""),
                "patientId",
                Invalid
            },
            { "missing reason", Json(Doctor, TuesdayNine, $"\"patient\":{NewPatient}"), "reason", Invalid },
            { "blank reason", Body(reason: "   "), "reason", Invalid },
            { "reason of 501 characters", Body(reason: new string('a', 501)), "reason", Invalid },
            {
                "bad email",
                Body(patient: """{"fullName":"Carmen","email":"carmen.example.org","phone":"+34 612 34 56"}"""),
                "patient.email",
                Invalid
            },
            {
                "bad phone",
                Body(patient: """{"fullName":"Carmen","email":"carmen@example.org","phone":"call me"}"""),
                "patient.phone",
                Invalid
            },
            {
                "missing full name",
                Body(patient: """{"email":"carmen@example.org","phone":"+34 612 345 678"}"""),
                "patient.fullName",
                Invalid
            },
            {
                "both patientId and patient",
                Json(Doctor, TuesdayNine, Reason, "\"patientId\":\"REGISTERED\"", $"\"patient\":{NewPatient}"),
                "patient",
                Invalid
            },
            { "neither patientId nor patient", Json(Doctor, TuesdayNine, Reason), "patient", Invalid },
            { "missing startsAt", Json(Doctor, Reason, $"\"patient\":{NewPatient}"), "startsAt", Invalid },
            { "startsAt without offset", Body("2026-03-17T09:00:00"), "startsAt", Unreadable },
            { "startsAt not a date", Body("next tuesday"), "startsAt", Unreadable },
            {
                "startsAt as a number",
                Json(Doctor, "\"startsAt\":1773734400", Reason, $"\"patient\":{NewPatient}"),
                "startsAt",
                Unreadable
            },
            { "doctorId not a guid", Body(doctor: "doctor-7"), "doctorId", Unreadable },
            { "malformed JSON", "{not json", "body", Unreadable },
            { "JSON cut off after startsAt", $"{{{Doctor},\"startsAt\":", "startsAt", Unreadable },
            { "not an object", "[1, 2, 3]", "body", Unreadable },
        };

    [ProviderTheory]
    [MemberData(nameof(InvalidBookings))]
    public async Task An_invalid_booking_returns_400_naming_the_field_and_writes_nothing(
        string @case,
        string body,
        string field,
        string type
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var inactiveId = await Clinic.Doctor("Pablo Núñez").WorksWeekdays(("09:00", "18:00")).Inactive().SaveAsync();
        var registeredId = await Clinic.AddPatientAsync();
        var json = body.Replace("DOCTOR", doctorId.ToString(), StringComparison.Ordinal)
            .Replace("INACTIVE", inactiveId.ToString(), StringComparison.Ordinal)
            .Replace("REGISTERED", registeredId.ToString(), StringComparison.Ordinal)
            .Replace("UNKNOWN", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);
        var (appointments, patients) = (await Clinic.CountAppointmentsAsync(), await Clinic.CountPatientsAsync());

        var response = await Client.PostJsonTextAsync("/api/appointments", json);

        _ = @case;
        await response.AssertFieldErrorAsync(field, type);
        Assert.Equal(appointments, await Clinic.CountAppointmentsAsync());
        Assert.Equal(patients, await Clinic.CountPatientsAsync());
    }

    [ProviderTheory]
    [InlineData("0001-01-01T09:00:00Z", Invalid)]
    [InlineData("0001-01-01T23:30:00+14:00", Invalid)]
    [InlineData("0001-01-01T09:00:00+14:00", Unreadable)]
    [InlineData("9999-12-31T09:00:00Z", Invalid)]
    [InlineData("9999-12-31T23:30:00-11:00", Unreadable)]
    public async Task A_booking_at_the_ends_of_the_calendar_returns_400_naming_startsAt(string startsAt, string type)
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await PostAsync(Body(startsAt), doctorId);

        await response.AssertFieldErrorAsync("startsAt", type);
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }

    [ProviderFact]
    public async Task A_booking_with_an_empty_body_returns_400_naming_the_body()
    {
        var response = await Client.PostJsonTextAsync("/api/appointments", "");

        await response.AssertFieldErrorAsync("body", Unreadable);
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
    }

    [ProviderFact]
    public async Task The_last_slot_inside_the_90_day_horizon_can_be_booked()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await PostAsync(Body("2026-06-12T17:30:00+02:00"), doctorId);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string body, Guid doctorId) =>
        Client.PostJsonTextAsync(
            "/api/appointments",
            body.Replace("DOCTOR", doctorId.ToString(), StringComparison.Ordinal)
        );

    private static string Body(
        string startsAt = "2026-03-17T09:00:00+01:00",
        string doctor = "DOCTOR",
        string reason = "Migraña",
        string patient = NewPatient
    ) =>
        Json(
            $"\"doctorId\":\"{doctor}\"",
            $"\"startsAt\":\"{startsAt}\"",
            $"\"reason\":\"{reason}\"",
            $"\"patient\":{patient}"
        );

    private static string Json(params string[] members) => "{" + string.Join(",", members) + "}";
}

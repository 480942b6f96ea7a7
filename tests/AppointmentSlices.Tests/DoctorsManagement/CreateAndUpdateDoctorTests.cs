using System.Net;
using System.Net.Http.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

[Collection("Database")]
public sealed class CreateAndUpdateDoctorTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task A_created_doctor_with_hours_is_listed_and_has_free_slots()
    {
        var response = await Client.PostAsJsonAsync(
            "/api/doctors",
            new
            {
                fullName = " Elena Ruiz Prado ",
                specialty = "Dermatología",
                timeZone = "Europe/Madrid",
                slotMinutes = 20,
                workingHours = new object[]
                {
                    new
                    {
                        day = "Tuesday",
                        starts = "15:00",
                        ends = "17:00",
                    },
                    new
                    {
                        day = "Tuesday",
                        starts = "09:00",
                        ends = "10:00",
                    },
                },
            }
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/doctors/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Elena Ruiz Prado", created.GetProperty("fullName").GetString());
        Assert.True(created.GetProperty("isActive").GetBoolean());
        Assert.Equal(["Tuesday 09:00–10:00", "Tuesday 15:00–17:00"], await Client.HoursAsync(id));
        Assert.Equal(
            ["09:00", "09:20", "09:40", "15:00", "15:20", "15:40", "16:00", "16:20", "16:40"],
            await Client.FreeSlotsAsync(id, "2026-03-17")
        );
        var listed = await (await Client.GetAsync("/api/doctors?specialty=dermatologia")).ReadJsonAsync();
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [ProviderFact]
    public async Task A_doctor_created_without_hours_has_no_slots()
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Empty(await Client.HoursAsync(id));
        Assert.Empty(await Client.FreeSlotsAsync(id, "2026-03-17"));
    }

    [ProviderTheory]
    [InlineData("Mars/Olympus")]
    [InlineData("EST5EDT")]
    [InlineData("CET")]
    [InlineData("Romance Standard Time")]
    [InlineData("europe/madrid")]
    [InlineData("posix/Europe/Madrid")]
    [InlineData("Europe//Madrid")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task A_time_zone_that_is_not_an_IANA_id_as_IANA_writes_it_is_refused(string timeZone)
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor(timeZone: timeZone));

        await response.AssertFieldErrorAsync("timeZone");
        Assert.Equal(0, await CountDoctorsAsync());
    }

    [ProviderFact]
    public async Task A_zone_in_the_wrong_letter_case_is_refused_with_its_spelling()
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor(timeZone: "america/new_york"));

        var messages = await response.AssertFieldErrorAsync("timeZone");
        Assert.Contains("America/New_York", Assert.Single(messages));
    }

    [ProviderTheory]
    [InlineData("UTC")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+5")]
    public async Task IANA_zones_with_a_region_and_UTC_are_accepted(string timeZone)
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor(timeZone: timeZone));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(timeZone, (await response.ReadJsonAsync()).GetProperty("timeZone").GetString());
    }

    [ProviderTheory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(241)]
    public async Task A_slot_length_outside_5_to_240_minutes_is_refused(int slotMinutes)
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor(slotMinutes: slotMinutes));

        var messages = await response.AssertFieldErrorAsync("slotMinutes");
        Assert.Contains("from 5 to 240", Assert.Single(messages));
        Assert.Equal(0, await CountDoctorsAsync());
    }

    [ProviderTheory]
    [InlineData(7)]
    [InlineData(22)]
    [InlineData(239)]
    public async Task A_slot_length_that_is_not_a_multiple_of_5_minutes_is_refused(int slotMinutes)
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor(slotMinutes: slotMinutes));

        var messages = await response.AssertFieldErrorAsync("slotMinutes");
        Assert.Contains("multiple of 5", Assert.Single(messages));
        Assert.Equal(0, await CountDoctorsAsync());
    }

    [ProviderTheory]
    [InlineData(5)]
    [InlineData(25)]
    [InlineData(240)]
    public async Task Slot_lengths_in_5_minute_steps_are_accepted(int slotMinutes)
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor(slotMinutes: slotMinutes));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(slotMinutes, (await response.ReadJsonAsync()).GetProperty("slotMinutes").GetInt32());
    }

    [ProviderFact]
    public async Task An_update_to_a_slot_length_off_the_5_minute_step_is_refused_and_changes_nothing()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PutAsJsonAsync($"/api/doctors/{doctorId}", NewDoctor(slotMinutes: 32));

        await response.AssertFieldErrorAsync("slotMinutes");
        Assert.Equal(30, (await Client.GetDoctorAsync(doctorId)).GetProperty("slotMinutes").GetInt32());
    }

    [ProviderFact]
    public async Task Hours_of_a_new_doctor_off_the_5_minute_step_are_refused_naming_the_field()
    {
        var body = NewDoctor(
            workingHours:
            [
                new
                {
                    day = "Monday",
                    starts = "09:05",
                    ends = "14:00",
                },
                new
                {
                    day = "Monday",
                    starts = "15:00",
                    ends = "17:58",
                },
            ]
        );

        var response = await Client.PostAsJsonAsync("/api/doctors", body);

        var messages = await response.AssertFieldErrorAsync("workingHours[1].ends");
        Assert.Contains("5-minute step", Assert.Single(messages));
        var problem = await response.ReadJsonAsync();
        Assert.False(problem.GetProperty("errors").TryGetProperty("workingHours[0].starts", out _));
        Assert.Equal(0, await CountDoctorsAsync());
    }

    [ProviderFact]
    public async Task A_blank_name_and_specialty_are_refused_field_by_field()
    {
        var response = await Client.PostAsJsonAsync("/api/doctors", NewDoctor(fullName: "  ", specialty: ""));

        await response.AssertFieldErrorAsync("fullName");
        await response.AssertFieldErrorAsync("specialty");
    }

    [ProviderFact]
    public async Task Overlapping_hours_in_a_new_doctor_are_refused_naming_the_interval()
    {
        var body = NewDoctor(
            workingHours:
            [
                new
                {
                    day = "Monday",
                    starts = "09:00",
                    ends = "14:00",
                },
                new
                {
                    day = "Monday",
                    starts = "13:00",
                    ends = "18:00",
                },
            ]
        );

        var response = await Client.PostAsJsonAsync("/api/doctors", body);

        await response.AssertFieldErrorAsync("workingHours[1].starts");
        Assert.Equal(0, await CountDoctorsAsync());
    }

    [ProviderFact]
    public async Task Updating_name_and_specialty_keeps_the_schedule()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PutAsJsonAsync(
            $"/api/doctors/{doctorId}",
            new
            {
                fullName = "Lucía Serrano Gil de Biedma",
                specialty = "Cardiología",
                timeZone = "Europe/Madrid",
                slotMinutes = 30,
            }
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadJsonAsync();
        Assert.Empty(updated.GetProperty("affectedAppointments").EnumerateArray());
        var doctor = await Client.GetDoctorAsync(doctorId);
        Assert.Equal("Lucía Serrano Gil de Biedma", doctor.GetProperty("fullName").GetString());
        Assert.Equal("Cardiología", doctor.GetProperty("specialty").GetString());
        Assert.Equal(10, doctor.GetProperty("workingHours").GetArrayLength());
        var specialties = await (await Client.GetAsync("/api/specialties")).ReadJsonAsync();
        Assert.Equal(["Cardiología"], specialties.EnumerateArray().Select(s => s.GetString()));
    }

    [ProviderFact]
    public async Task Updating_an_unknown_doctor_returns_404()
    {
        var response = await Client.PutAsJsonAsync($"/api/doctors/{Guid.CreateVersion7()}", NewDoctor());

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task An_update_with_a_bad_zone_is_refused_and_changes_nothing()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PutAsJsonAsync($"/api/doctors/{doctorId}", NewDoctor(timeZone: "Mars/Olympus"));

        await response.AssertFieldErrorAsync("timeZone");
        Assert.Equal("Europe/Madrid", (await Client.GetDoctorAsync(doctorId)).GetProperty("timeZone").GetString());
    }

    [ProviderFact]
    public async Task A_longer_slot_that_moves_a_booking_off_the_grid_is_refused_until_confirmed()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var onNewGrid = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        var offNewGrid = await Client.BookedAsync(doctorId, "2026-03-17T09:30:00+01:00");
        var body = new
        {
            fullName = "Lucía Serrano Gil",
            specialty = "Medicina familiar",
            timeZone = "Europe/Madrid",
            slotMinutes = 45,
            confirm = false,
        };

        var refused = await Client.PutAsJsonAsync($"/api/doctors/{doctorId}", body);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/appointments-affected");
        Assert.Equal([offNewGrid], DoctorsApi.AffectedIds(problem));
        Assert.Equal(30, (await Client.GetDoctorAsync(doctorId)).GetProperty("slotMinutes").GetInt32());

        var applied = await Client.PutAsJsonAsync($"/api/doctors/{doctorId}", body with { confirm = true });

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal([offNewGrid], DoctorsApi.AffectedIds(await applied.ReadJsonAsync()));
        Assert.Equal(45, (await Client.GetDoctorAsync(doctorId)).GetProperty("slotMinutes").GetInt32());
        Assert.Equal("Scheduled", await DoctorsApi.StatusOfAsync(Data, offNewGrid));
        Assert.Equal("Scheduled", await DoctorsApi.StatusOfAsync(Data, onNewGrid));
    }

    [ProviderFact]
    public async Task Moving_the_doctor_to_another_zone_lists_the_bookings_that_leave_the_hours()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var nine = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        var ten = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayTen);

        // 09:00 in Madrid is 08:00 in London, before the doctor starts; 10:00 is 09:00, still on the grid.
        var response = await Client.PutAsJsonAsync(
            $"/api/doctors/{doctorId}",
            NewDoctor(fullName: "Lucía Serrano Gil", timeZone: "Europe/London")
        );

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/appointments-affected");
        var affected = Assert.Single(problem.GetProperty("affectedAppointments").EnumerateArray());
        Assert.Equal(nine, affected.GetProperty("id").GetGuid());
        Assert.NotEqual(ten, affected.GetProperty("id").GetGuid());
        Assert.Equal("2026-03-17T09:00:00+01:00", affected.GetProperty("startsAt").GetString());
        Assert.Equal("2026-03-17T09:30:00+01:00", affected.GetProperty("endsAt").GetString());
        var patient = await DoctorsApi.PatientOfAsync(Data, nine);
        Assert.Equal(patient.Id, affected.GetProperty("patientId").GetGuid());
        Assert.Equal(patient.Name, affected.GetProperty("patientName").GetString());
    }

    private static object NewDoctor(
        string fullName = "Elena Ruiz Prado",
        string specialty = "Dermatología",
        string timeZone = "Europe/Madrid",
        int slotMinutes = 30,
        object[]? workingHours = null
    ) =>
        new
        {
            fullName,
            specialty,
            timeZone,
            slotMinutes,
            workingHours,
        };

    private Task<long> CountDoctorsAsync() => Data.CountDoctorsAsync();
}

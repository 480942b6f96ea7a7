using System.Net;
using System.Net.Http.Json;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

[Collection("Database")]
public sealed class WorkingHoursTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    [ProviderFact]
    public async Task New_hours_replace_the_whole_week_and_decide_the_slots()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var week = new object[]
        {
            new
            {
                day = "Tuesday",
                starts = "16:00",
                ends = "17:00",
            },
            new
            {
                day = "Tuesday",
                starts = "08:00",
                ends = "09:00",
            },
            new
            {
                day = "Saturday",
                starts = "10:00",
                ends = "11:00",
            },
        };

        var response = await Client.PutHoursAsync(doctorId, week);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.ReadJsonAsync();
        Assert.Empty(saved.GetProperty("affectedAppointments").EnumerateArray());
        Assert.Equal(3, saved.GetProperty("workingHours").GetArrayLength());
        Assert.Equal(
            ["Tuesday 08:00–09:00", "Tuesday 16:00–17:00", "Saturday 10:00–11:00"],
            await Client.HoursAsync(doctorId)
        );
        Assert.Equal(["08:00", "08:30", "16:00", "16:30"], await Client.FreeSlotsAsync(doctorId, "2026-03-17"));
        Assert.Empty(await Client.FreeSlotsAsync(doctorId, "2026-03-16"));
    }

    [ProviderFact]
    public async Task Hours_may_end_at_midnight_and_intervals_may_touch()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var week = new object[]
        {
            new
            {
                day = "Tuesday",
                starts = "22:00",
                ends = "23:00",
            },
            new
            {
                day = "Tuesday",
                starts = "23:00",
                ends = "24:00",
            },
            new
            {
                day = "Wednesday",
                starts = "07:15",
                ends = "07:45",
            },
        };

        var response = await Client.PutHoursAsync(doctorId, week);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["Tuesday 22:00–23:00", "Tuesday 23:00–24:00", "Wednesday 07:15–07:45"],
            await Client.HoursAsync(doctorId)
        );
        Assert.Equal(["22:00", "22:30", "23:00", "23:30"], await Client.FreeSlotsAsync(doctorId, "2026-03-17"));
        Assert.Equal(["07:15"], await Client.FreeSlotsAsync(doctorId, "2026-03-18"));
    }

    [ProviderTheory]
    [InlineData("09:00", "14:00", "13:55", "18:00", "workingHours[1].starts")]
    [InlineData("09:00", "18:00", "10:00", "11:00", "workingHours[1].starts")]
    [InlineData("09:00", "14:00", "09:00", "14:00", "workingHours[1].starts")]
    [InlineData("14:00", "09:00", "15:00", "18:00", "workingHours[0].ends")]
    [InlineData("09:00", "09:00", "15:00", "18:00", "workingHours[0].ends")]
    [InlineData("9:00", "14:00", "15:00", "18:00", "workingHours[0].starts")]
    [InlineData("09:00", "25:00", "15:00", "18:00", "workingHours[0].ends")]
    [InlineData("24:00", "24:00", "15:00", "18:00", "workingHours[0].starts")]
    [InlineData("09:00", "14:00", "15:00", "noon", "workingHours[1].ends")]
    public async Task Bad_hours_are_refused_naming_the_interval_and_nothing_changes(
        string firstStarts,
        string firstEnds,
        string secondStarts,
        string secondEnds,
        string field
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var week = new object[]
        {
            new
            {
                day = "Monday",
                starts = firstStarts,
                ends = firstEnds,
            },
            new
            {
                day = "Monday",
                starts = secondStarts,
                ends = secondEnds,
            },
        };

        var response = await Client.PutHoursAsync(doctorId, week);

        await response.AssertFieldErrorAsync(field);
        Assert.Equal(10, (await Client.HoursAsync(doctorId)).Length);
    }

    [ProviderTheory]
    [InlineData("09:07", "14:00", "workingHours[0].starts")]
    [InlineData("09:00", "13:59", "workingHours[0].ends")]
    public async Task Hours_off_the_5_minute_step_are_refused_naming_the_field_and_nothing_changes(
        string starts,
        string ends,
        string field
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var week = new object[]
        {
            new
            {
                day = "Monday",
                starts,
                ends,
            },
        };

        var response = await Client.PutHoursAsync(doctorId, week);

        await response.AssertFieldErrorAsync(field);
        Assert.Equal(10, (await Client.HoursAsync(doctorId)).Length);
    }

    [ProviderFact]
    public async Task Hours_on_any_5_minute_step_are_accepted_and_the_slots_start_there()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var week = new object[]
        {
            new
            {
                day = "Tuesday",
                starts = "09:05",
                ends = "10:35",
            },
        };

        var response = await Client.PutHoursAsync(doctorId, week);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Tuesday 09:05–10:35"], await Client.HoursAsync(doctorId));
        Assert.Equal(["09:05", "09:35", "10:05"], await Client.FreeSlotsAsync(doctorId, "2026-03-17"));
    }

    [ProviderFact]
    public async Task The_same_times_on_different_days_do_not_overlap()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PutHoursAsync(doctorId, DoctorsApi.WeekdayHours(("09:00", "17:00")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await Client.HoursAsync(doctorId)).Length);
    }

    [ProviderTheory]
    [InlineData("""{ "workingHours": [{ "starts": "09:00", "ends": "14:00" }] }""", "/problems/validation")]
    [InlineData("""{ "workingHours": [{ "day": 9, "starts": "09:00", "ends": "14:00" }] }""", "/problems/validation")]
    [InlineData(
        """{ "workingHours": [{ "day": "Someday", "starts": "09:00", "ends": "14:00" }] }""",
        "/problems/malformed-request"
    )]
    [InlineData(
        """{ "workingHours": [{ "day": "Mon", "starts": "09:00", "ends": "14:00" }] }""",
        "/problems/malformed-request"
    )]
    public async Task An_interval_without_a_known_day_is_refused_naming_the_day(string json, string type)
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PutAsync(
            $"/api/doctors/{doctorId}/working-hours",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json")
        );

        await response.AssertFieldErrorAsync("workingHours[0].day", type);
        Assert.Equal(10, (await Client.HoursAsync(doctorId)).Length);
    }

    [ProviderFact]
    public async Task A_week_without_its_list_is_refused()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();

        var response = await Client.PutAsJsonAsync($"/api/doctors/{doctorId}/working-hours", new { confirm = true });

        await response.AssertFieldErrorAsync("workingHours");
    }

    [ProviderFact]
    public async Task Hours_of_an_unknown_doctor_return_404()
    {
        var response = await Client.PutHoursAsync(Guid.CreateVersion7(), DoctorsApi.WeekdayHours(("09:00", "14:00")));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [ProviderFact]
    public async Task Hours_that_strand_a_booking_are_refused_with_409_listing_exactly_it_and_nothing_changes()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var stranded = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        await Client.BookedAsync(doctorId, DoctorsApi.TuesdayTen);
        var cancelled = await Client.BookedAsync(doctorId, "2026-03-17T09:30:00+01:00");
        await DoctorsApi.CancelDirectlyAsync(Data, cancelled);
        var before = await Client.HoursAsync(doctorId);

        var response = await Client.PutHoursAsync(
            doctorId,
            DoctorsApi.WeekdayHours(("10:00", "14:00"), ("15:00", "18:00"))
        );

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "/problems/appointments-affected");
        var affected = Assert.Single(problem.GetProperty("affectedAppointments").EnumerateArray());
        Assert.Equal(stranded, affected.GetProperty("id").GetGuid());
        Assert.Equal(DoctorsApi.TuesdayNine, affected.GetProperty("startsAt").GetString());
        Assert.Equal("2026-03-17T09:30:00+01:00", affected.GetProperty("endsAt").GetString());
        var patient = await DoctorsApi.PatientOfAsync(Data, stranded);
        Assert.Equal(patient.Id, affected.GetProperty("patientId").GetGuid());
        Assert.Equal(patient.Name, affected.GetProperty("patientName").GetString());
        Assert.Equal(before, await Client.HoursAsync(doctorId));
    }

    [ProviderFact]
    public async Task Confirmed_hours_that_strand_a_booking_are_applied_and_list_it_and_the_booking_stays()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var stranded = await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        await Client.BookedAsync(doctorId, DoctorsApi.TuesdayTen);

        var response = await Client.PutHoursAsync(
            doctorId,
            DoctorsApi.WeekdayHours(("10:00", "14:00"), ("15:00", "18:00")),
            confirm: true
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.ReadJsonAsync();
        Assert.Equal([stranded], DoctorsApi.AffectedIds(saved));
        Assert.Equal([await DoctorsApi.PatientOfAsync(Data, stranded)], DoctorsApi.AffectedPatients(saved));
        Assert.Equal("Monday 10:00–14:00", (await Client.HoursAsync(doctorId))[0]);
        Assert.Equal("Scheduled", await DoctorsApi.StatusOfAsync(Data, stranded));
    }

    [ProviderFact]
    public async Task A_booking_already_left_off_the_schedule_is_not_listed_again()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        await Client.BookedAsync(doctorId, DoctorsApi.TuesdayNine);
        var earlier = DoctorsApi.WeekdayHours(("10:00", "14:00"), ("15:00", "18:00"));
        Assert.Equal(HttpStatusCode.OK, (await Client.PutHoursAsync(doctorId, earlier, confirm: true)).StatusCode);

        var response = await Client.PutHoursAsync(doctorId, DoctorsApi.WeekdayHours(("10:00", "14:00")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(DoctorsApi.AffectedIds(await response.ReadJsonAsync()));
    }

    [ProviderFact]
    public async Task A_booking_in_the_past_is_not_affected()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        await InsertAppointmentAsync(
            doctorId,
            patientId,
            new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.FromHours(1))
        );

        var response = await Client.PutHoursAsync(doctorId, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(DoctorsApi.AffectedIds(await response.ReadJsonAsync()));
        Assert.Empty(await Client.HoursAsync(doctorId));
    }

    private Task InsertAppointmentAsync(Guid doctorId, Guid patientId, DateTimeOffset startsAt) =>
        Data.InsertAppointmentAsync(
            Guid.CreateVersion7(),
            doctorId,
            patientId,
            startsAt,
            startsAt.AddMinutes(30),
            "Scheduled"
        );
}

using System.Net;
using System.Text.Json;
using AppointmentSlices.Features.ListAppointments;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Xunit;
using static AppointmentSlices.Tests.Booking.Requests;

namespace AppointmentSlices.Tests.Appointments;

[Collection("Database")]
public sealed class ListAppointmentsTests(PostgresFixture database, ClinicHost host)
    : AppointmentTest(database, host),
        IClassFixture<ClinicHost>
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [ProviderFact]
    public async Task Appointments_are_listed_in_start_order_with_names_in_the_doctors_offset()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var patientId = await Clinic.AddPatientAsync("Carmen Ortega Díaz");
        var summer = await Appointments.InsertAsync(
            doctorId,
            patientId,
            new(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(2))
        );
        var past = await Appointments.InsertAsync(doctorId, patientId, new(2026, 3, 13, 9, 0, 0, Winter), "Completed");
        var next = await Appointments.InsertAsync(doctorId, patientId, TuesdayNine);

        var page = await (await Client.GetAsync("/api/appointments")).ReadJsonAsync();

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([past, next, summer], items.Select(i => i.GetProperty("id").GetGuid()));
        var first = items[0];
        Assert.Equal(doctorId, first.GetProperty("doctorId").GetGuid());
        Assert.Equal("Andrés Molina Ruiz", first.GetProperty("doctorName").GetString());
        Assert.Equal(patientId, first.GetProperty("patientId").GetGuid());
        Assert.Equal("Carmen Ortega Díaz", first.GetProperty("patientName").GetString());
        Assert.Equal("2026-03-13T09:00:00+01:00", first.GetProperty("startsAt").GetString());
        Assert.Equal("2026-03-13T09:30:00+01:00", first.GetProperty("endsAt").GetString());
        Assert.Equal("Europe/Madrid", first.GetProperty("timeZone").GetString());
        Assert.Equal("Completed", first.GetProperty("status").GetString());
        Assert.Equal("Revisión anual", first.GetProperty("reason").GetString());
        Assert.Equal("2026-03-30T09:00:00+02:00", items[2].GetProperty("startsAt").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [ProviderFact]
    public async Task Appointments_are_filtered_by_doctor_patient_and_status()
    {
        var andres = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var elena = await Clinic.AddMadridDoctorAsync("Elena Vidal Soler");
        var carmen = await Clinic.AddPatientAsync();
        var luis = await Clinic.AddPatientAsync();
        var carmenWithAndres = await Appointments.InsertAsync(andres, carmen, TuesdayNine);
        var luisWithAndres = await Appointments.InsertAsync(andres, luis, TuesdayNine.AddHours(1), "Cancelled");
        var luisWithElena = await Appointments.InsertAsync(elena, luis, TuesdayNine.AddDays(1));

        Assert.Equal([carmenWithAndres, luisWithAndres], await IdsAsync($"doctorId={andres}"));
        Assert.Equal([luisWithAndres, luisWithElena], await IdsAsync($"patientId={luis}"));
        Assert.Equal([luisWithAndres], await IdsAsync("status=Cancelled"));
        Assert.Equal([luisWithAndres], await IdsAsync("status=cancelled"));
        Assert.Equal([luisWithElena], await IdsAsync($"patientId={luis}&status=Scheduled"));
        Assert.Empty(await IdsAsync($"doctorId={elena}&patientId={carmen}"));
    }

    [ProviderFact]
    public async Task A_window_of_dates_is_read_in_utc_and_includes_the_last_day()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var lateMonday = await Appointments.InsertAsync(
            doctorId,
            patientId,
            new(2026, 3, 16, 23, 30, 0, TimeSpan.Zero)
        );
        var tuesday = await Appointments.InsertAsync(doctorId, patientId, new(2026, 3, 17, 0, 0, 0, TimeSpan.Zero));
        var lateTuesday = await Appointments.InsertAsync(
            doctorId,
            patientId,
            new(2026, 3, 17, 23, 30, 0, TimeSpan.Zero)
        );
        var wednesday = await Appointments.InsertAsync(doctorId, patientId, new(2026, 3, 18, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([tuesday, lateTuesday], await IdsAsync("from=2026-03-17&to=2026-03-17"));
        Assert.Equal([tuesday, lateTuesday, wednesday], await IdsAsync("from=2026-03-17"));
        Assert.Equal([lateMonday, tuesday, lateTuesday], await IdsAsync("to=2026-03-17"));
    }

    [ProviderFact]
    public async Task A_window_of_instants_includes_its_start_and_excludes_its_end()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var nine = await Appointments.InsertAsync(doctorId, patientId, TuesdayNine);
        var half = await Appointments.InsertAsync(doctorId, patientId, TuesdayNine.AddMinutes(30));
        await Appointments.InsertAsync(doctorId, patientId, TuesdayNine.AddMinutes(60));

        // "+" left unencoded arrives as a space, as it does for the available-slots window.
        Assert.Equal([nine, half], await IdsAsync("from=2026-03-17T09:00:00+01:00&to=2026-03-17T09:00:00Z"));
        Assert.Equal([half], await IdsAsync("from=2026-03-17T08:30:00%2B00:00&to=2026-03-17T10:00:00%2B01:00"));
    }

    [ProviderFact(NotOnTestServer = "test server does not sort or compare binary UUIDs")]
    public async Task Appointments_starting_together_are_ordered_by_id_across_pages()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var doctorId = await Clinic.AddMadridDoctorAsync($"Doctora {i}");
            var patientId = await Clinic.AddPatientAsync();
            ids.Add(await Appointments.InsertAsync(doctorId, patientId, TuesdayNine));
        }

        var seen = await PageThroughAsync(limit: 1);

        Assert.Equal(ids.OrderBy(id => id.ToString()), seen);
    }

    [ProviderFact(NotOnTestServer = "test server does not sort or compare binary UUIDs")]
    public async Task Paging_while_others_book_sees_every_existing_appointment_exactly_once()
    {
        var doctors = new List<Guid>();
        var existing = new List<Guid>();
        for (var d = 0; d < 3; d++)
        {
            var doctorId = await Clinic.AddMadridDoctorAsync($"Doctor {d}");
            var patientId = await Clinic.AddPatientAsync();
            doctors.Add(doctorId);
            foreach (var day in new[] { 17, 18, 19, 20, 23 })
            {
                foreach (var hour in new[] { 9, 10, 11 })
                {
                    var startsAt = new DateTimeOffset(2026, 3, day, hour, 0, 0, Winter);
                    existing.Add(await Appointments.InsertAsync(doctorId, patientId, startsAt));
                }
            }
        }

        var booked = 0;
        var seen = await PageThroughAsync(limit: 7, betweenPages: async () =>
        {
            // One booking before wherever the cursor is, one after it, and one at the very same start.
            var doctorId = doctors[booked % 3];
            var earlier = new DateTimeOffset(2026, 3, 17, 15, 0, 0, Winter).AddMinutes(30 * (booked / 3));
            var later = new DateTimeOffset(2026, 3, 24, 9, 0, 0, Winter).AddMinutes(30 * (booked / 3));
            var sameStart = new DateTimeOffset(2026, 3, 19, 9, 0, 0, Winter);
            foreach (var startsAt in new[] { earlier, later })
            {
                var response = await Client.BookAsync(ForNewPatient(doctorId, startsAt.ToString("o")));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            await Client.BookAsync(
                ForNewPatient(await Clinic.AddMadridDoctorAsync($"Nueva {booked}"), sameStart.ToString("o"))
            );
            booked++;
        });

        Assert.True(booked >= 6, $"Expected to book between at least six pages, booked {booked} times.");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(existing, id => Assert.Single(seen, id));
        Assert.True(seen.Count > existing.Count, "Bookings after the cursor show up on later pages.");
    }

    [ProviderFact]
    public async Task The_default_page_holds_twenty_and_names_the_next()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        for (var i = 0; i < 21; i++)
        {
            await Appointments.InsertAsync(doctorId, patientId, TuesdayNine.AddMinutes(30 * i));
        }

        var first = await (await Client.GetAsync("/api/appointments")).ReadJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await Client.GetAsync($"/api/appointments?cursor={cursor}")).ReadJsonAsync();

        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [ProviderTheory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("status=Done", "status")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=MDE5NWUwMDAwMDAwN2FhYWJiYmJjY2NjZGRkZGVlZWVub3QtdGlja3M", "cursor")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-03-17T09:00:00", "to")]
    [InlineData("from=2026-03-18&to=2026-03-17", "to")]
    [InlineData("from=2026-03-17T10:00:00Z&to=2026-03-17T10:00:00Z", "to")]
    [InlineData("doctorId=00000000-0000-0000-0000-000000000000", "doctorId")]
    public async Task A_bad_query_value_returns_400_naming_it(string query, string field)
    {
        var response = await Client.GetAsync($"/api/appointments?{query}");

        await response.AssertFieldErrorAsync(field);
    }

    [ProviderFact]
    public async Task A_doctor_id_that_is_not_a_uuid_returns_400_malformed_request()
    {
        var response = await Client.GetAsync("/api/appointments?doctorId=abc");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-request");
    }

    [ProviderFact]
    public async Task The_back_office_lists_through_the_mediator()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync();
        var id = await Appointments.InsertAsync(doctorId, patientId, TuesdayNine, "NoShow");

        var page = await Mediator.Send(new ListAppointmentsQuery(DoctorId: doctorId, Status: "noshow"));

        var item = Assert.Single(page.Items);
        Assert.Equal(id, item.Id);
        Assert.Equal(TuesdayNine, item.StartsAt);
        Assert.Equal(Winter, item.StartsAt.Offset);
        Assert.Null(page.NextCursor);
    }

    private async Task<List<Guid>> IdsAsync(string query)
    {
        var response = await Client.GetAsync($"/api/appointments?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private async Task<List<Guid>> PageThroughAsync(int limit, Func<Task>? betweenPages = null)
    {
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = cursor is null
                ? $"/api/appointments?limit={limit}"
                : $"/api/appointments?limit={limit}&cursor={cursor}";
            var response = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is not null && betweenPages is not null)
            {
                await betweenPages();
            }
        } while (cursor is not null);

        return seen;
    }
}

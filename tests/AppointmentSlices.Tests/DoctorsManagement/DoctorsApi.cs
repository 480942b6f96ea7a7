using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

/// <summary>The doctor management routes as a client calls them, and the facts the tests check afterwards.</summary>
internal static class DoctorsApi
{
    /// <summary>Tuesday 17 March 2026 in Madrid (UTC+01:00): the split-day doctor's first and later slots.</summary>
    public const string TuesdayNine = "2026-03-17T09:00:00+01:00";
    public const string TuesdayTen = "2026-03-17T10:00:00+01:00";
    public const string WednesdayNine = "2026-03-18T09:00:00+01:00";

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>The week as the API takes it: each weekday with the same intervals.</summary>
    public static object[] WeekdayHours(params (string Starts, string Ends)[] intervals) =>
        Weekdays
            .SelectMany(day =>
                intervals.Select(i =>
                    (object)
                        new
                        {
                            day,
                            starts = i.Starts,
                            ends = i.Ends,
                        }
                )
            )
            .ToArray();

    public static Task<HttpResponseMessage> PutHoursAsync(
        this HttpClient client,
        Guid doctorId,
        object[] week,
        bool confirm = false
    ) => client.PutAsJsonAsync($"/api/doctors/{doctorId}/working-hours", new { workingHours = week, confirm });

    public static Task<HttpResponseMessage> AddTimeOffAsync(
        this HttpClient client,
        Guid doctorId,
        string starts,
        string ends,
        bool confirm = false
    ) =>
        client.PostAsJsonAsync(
            $"/api/doctors/{doctorId}/time-off",
            new
            {
                starts,
                ends,
                reason = "Congreso",
                confirm,
            }
        );

    /// <summary>Books the slot for a new patient and returns the appointment's id.</summary>
    public static async Task<Guid> BookedAsync(this HttpClient client, Guid doctorId, string startsAt)
    {
        var response = await client.BookAsync(Booking.Requests.ForNewPatient(doctorId, startsAt));
        Assert.True(
            response.StatusCode == HttpStatusCode.Created,
            $"Booking {startsAt}: {await response.Content.ReadAsStringAsync()}"
        );
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetDoctorAsync(this HttpClient client, Guid doctorId)
    {
        var response = await client.GetAsync($"/api/doctors/{doctorId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>The doctor's week as "Monday 09:00–14:00" lines, in the API's order.</summary>
    public static async Task<string[]> HoursAsync(this HttpClient client, Guid doctorId) =>
        (await client.GetDoctorAsync(doctorId))
            .GetProperty("workingHours")
            .EnumerateArray()
            .Select(h =>
                $"{h.GetProperty("day").GetString()} "
                + $"{h.GetProperty("starts").GetString()}–{h.GetProperty("ends").GetString()}"
            )
            .ToArray();

    /// <summary>The local start times ("09:00") of the doctor's free slots on one day.</summary>
    public static async Task<string[]> FreeSlotsAsync(this HttpClient client, Guid doctorId, string date)
    {
        var response = await client.GetAsync($"/api/doctors/{doctorId}/available-slots?date={date}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())
            .GetProperty("slots")
            .EnumerateArray()
            .Select(s => s.GetProperty("startsAt").GetString()![11..16])
            .ToArray();
    }

    /// <summary>The ids in an <c>affectedAppointments</c> list, of a problem or of an answer.</summary>
    public static Guid[] AffectedIds(JsonElement body) =>
        body.GetProperty("affectedAppointments").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToArray();

    /// <summary>The patients (id, name) in an <c>affectedAppointments</c> list, of a problem or of an answer.</summary>
    public static (Guid Id, string Name)[] AffectedPatients(JsonElement body) =>
        body.GetProperty("affectedAppointments")
            .EnumerateArray()
            .Select(a => (a.GetProperty("patientId").GetGuid(), a.GetProperty("patientName").GetString() ?? ""))
            .ToArray();

    /// <summary>The patient an appointment is booked for, as stored.</summary>
    public static Task<(Guid Id, string Name)> PatientOfAsync(ClinicData data, Guid appointmentId) =>
        data.PatientOfAsync(appointmentId);

    /// <summary>The name an affected list on a page shows for the patient, linked to the patient's page.</summary>
    public static string? PatientLinkText(IDocument page, Guid patientId) =>
        page.QuerySelector($".affected-appointments a[href='/admin/patients/{patientId}']")?.TextContent.Trim();

    public static async Task<string> StatusOfAsync(ClinicData data, Guid appointmentId) =>
        (await data.ReadAppointmentAsync(appointmentId)).Status;

    public static Task CancelDirectlyAsync(ClinicData data, Guid appointmentId) =>
        data.CancelDirectlyAsync(appointmentId);
}

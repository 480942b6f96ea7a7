using System.Net;
using AngleSharp.Dom;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AppointmentSlices.Tests.Security;

/// <summary>A doctor signed in reads their own agenda and appointments, and nothing else.</summary>
[Collection("Database")]
public sealed class DoctorAgendaTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    // Tuesday 17 March 2026, 09:00 in Madrid: the week the tests' clock stands in.
    private static readonly DateTimeOffset TuesdayNine = new(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(1));

    private HttpClient Doctor { get; set; } = null!;

    private Guid OwnDoctor { get; set; }

    private Guid OtherDoctor { get; set; }

    private Guid OwnAppointment { get; set; }

    private Guid OtherAppointment { get; set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        OwnDoctor = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        OtherDoctor = await Clinic.AddMadridDoctorAsync("Elena Ortega Vidal");
        var appointments = new TestAppointments(Data);
        OwnAppointment = await appointments.InsertAsync(OwnDoctor, await Clinic.AddPatientAsync(), TuesdayNine);
        OtherAppointment = await appointments.InsertAsync(OtherDoctor, await Clinic.AddPatientAsync(), TuesdayNine);
        Doctor = App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        await Doctor.SignInAsStaffAsync(Data, StaffRoles.Doctor, OwnDoctor);
    }

    public override async Task DisposeAsync()
    {
        Doctor.Dispose();
        await base.DisposeAsync();
    }

    [ProviderFact]
    public async Task The_agenda_shows_only_the_doctors_own_appointments_whatever_the_query_asks()
    {
        var response = await Doctor.GetAsync($"/admin?date=2026-03-17&doctorId={OtherDoctor}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector($"#doctor-{OwnDoctor}"));
        Assert.Null(page.QuerySelector($"#doctor-{OtherDoctor}"));
        Assert.Equal([$"/admin/appointments/{OwnAppointment}"], AppointmentLinks(page));
        Assert.Null(page.QuerySelector("select#doctorId"));
    }

    [ProviderFact]
    public async Task A_doctor_reads_their_own_appointment_without_staff_actions_and_not_another_doctors()
    {
        var own = await Doctor.GetAsync($"/admin/appointments/{OwnAppointment}");
        var other = await Doctor.GetAsync($"/admin/appointments/{OtherAppointment}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var page = await own.ParseAsync();
        Assert.Contains("Andrés Molina Ruiz", page.QuerySelector("dl.details")?.TextContent);
        Assert.Empty(page.QuerySelectorAll(".staff-action, form.cancel-form, form.outcome-form"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [ProviderFact]
    public async Task The_api_list_is_forced_to_the_doctors_own_appointments()
    {
        var all = await Doctor.GetAsync("/api/appointments?from=2026-03-17&to=2026-03-17");
        var own = await Doctor.GetAsync($"/api/appointments?doctorId={OwnDoctor}");
        var other = await Doctor.GetAsync($"/api/appointments?doctorId={OtherDoctor}");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal([OwnAppointment], await ListedIdsAsync(all));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal([OwnAppointment], await ListedIdsAsync(own));
        await other.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [ProviderFact]
    public async Task The_api_gives_a_doctor_their_own_appointment_and_history_and_refuses_another_doctors()
    {
        Assert.Equal(HttpStatusCode.OK, (await Doctor.GetAsync($"/api/appointments/{OwnAppointment}")).StatusCode);
        var ownHistory = await Doctor.GetAsync($"/api/appointments/{OwnAppointment}/history");
        Assert.Equal(HttpStatusCode.OK, ownHistory.StatusCode);

        var other = await Doctor.GetAsync($"/api/appointments/{OtherAppointment}");
        var otherHistory = await Doctor.GetAsync($"/api/appointments/{OtherAppointment}/history");

        await other.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await otherHistory.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [ProviderTheory]
    [InlineData("/admin/appointments")]
    [InlineData("/admin/patients")]
    [InlineData("/admin/doctors")]
    [InlineData("/admin/doctors/new")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/staff")]
    public async Task Other_back_office_pages_still_refuse_a_doctor(string path)
    {
        var response = await Doctor.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [ProviderFact]
    public async Task Patient_and_doctor_management_in_the_api_still_refuse_a_doctor()
    {
        var patients = await Doctor.GetAsync("/api/patients");
        var deactivate = await Doctor.PostAsync($"/api/doctors/{OtherDoctor}/deactivate", null);

        await patients.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await deactivate.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [ProviderFact]
    public async Task A_doctor_signs_out_from_the_agenda()
    {
        var agenda = await (await Doctor.GetAsync("/admin")).ParseAsync();

        var signOut = await Doctor.SubmitAsync(agenda.Form("form.signed-in"));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Doctor.GetAsync("/admin")).StatusCode);
    }

    [ProviderFact]
    public async Task A_doctor_may_not_move_their_own_appointment()
    {
        var response = await Doctor.GetAsync($"/admin/appointments/{OwnAppointment}/reschedule");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static List<string> AppointmentLinks(IDocument page) =>
        page.QuerySelectorAll("a[href^='/admin/appointments/']").Select(a => a.GetAttribute("href")!).ToList();

    private static async Task<List<Guid>> ListedIdsAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync())
            .GetProperty("items")
            .EnumerateArray()
            .Select(item => item.GetProperty("id").GetGuid())
            .ToList();
}

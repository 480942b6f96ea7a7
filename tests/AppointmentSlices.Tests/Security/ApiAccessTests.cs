using System.Net;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.IssueApiKey;
using AppointmentSlices.Features.RevokeApiKey;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Tests.Hardening;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AppointmentSlices.Tests.Security;

[Collection("Database")]
public sealed class ApiAccessTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    // What anyone may call: finding a doctor and a slot, and booking it. Everything else needs staff rights.
    private static readonly HashSet<string> PublicRoutes =
    [
        "GET /api/health",
        "GET /api/health/ready",
        "GET /api/health/ready",
        "GET /api/doctors",
        "GET /api/doctors/{id:guid}",
        "GET /api/specialties",
        "GET /api/doctors/{id:guid}/available-slots",
        "GET /api/doctors/available-slots",
        "POST /api/appointments",
    ];

    [ProviderFact]
    public async Task Every_staff_route_refuses_an_anonymous_caller_with_401()
    {
        var staffRoutes = StaffRoutes();
        Assert.NotEmpty(staffRoutes);

        foreach (var route in staffRoutes)
        {
            using var request = new HttpRequestMessage(
                new HttpMethod(route.Method),
                route.Path(_ => Guid.NewGuid().ToString())
            );
            var response = await AnonymousClient.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route} answered {response.StatusCode}");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        }
    }

    // What a doctor may read too, their own appointments only (DoctorAgendaTests).
    private static readonly HashSet<string> DoctorRoutes =
    [
        "GET /api/appointments",
        "GET /api/appointments/{id:guid}",
        "GET /api/appointments/{id:guid}/history",
    ];

    [ProviderFact]
    public async Task Every_staff_route_but_the_agenda_refuses_a_doctor_with_403()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        using var doctor = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await doctor.SignInAsStaffAsync(Data, StaffRoles.Doctor, doctorId);
        var staffRoutes = StaffRoutes();
        Assert.All(DoctorRoutes, route => Assert.Contains(route, staffRoutes.Select(r => r.ToString())));

        foreach (var route in staffRoutes.Where(r => !DoctorRoutes.Contains(r.ToString())))
        {
            using var request = new HttpRequestMessage(
                new HttpMethod(route.Method),
                route.Path(_ => Guid.NewGuid().ToString())
            );
            var response = await doctor.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route} answered {response.StatusCode}");
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        }
    }

    [ProviderFact]
    public async Task Public_routes_answer_without_a_key()
    {
        var response = await AnonymousClient.GetAsync("/api/doctors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [ProviderFact]
    public async Task An_issued_key_works_until_it_is_revoked()
    {
        var mediator = App.Services.GetRequiredService<IMediator>();
        var issued = await mediator.Send(new IssueApiKeyCommand("ERP", null));
        using var integrator = App.CreateClient();
        integrator.DefaultRequestHeaders.Add("X-Api-Key", issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await integrator.GetAsync("/api/patients")).StatusCode);

        await mediator.Send(new RevokeApiKeyCommand(issued.Id, null));

        var refused = await integrator.GetAsync("/api/patients");
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [ProviderFact]
    public async Task A_made_up_key_is_refused_with_401()
    {
        using var stranger = App.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-Api-Key", ManageToken.Create());

        var response = await stranger.GetAsync("/api/appointments");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [ProviderFact]
    public async Task A_made_up_key_is_refused_with_401_on_the_public_routes_too()
    {
        using var stranger = App.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-Api-Key", "mistyped-key");

        var response = await stranger.GetAsync("/api/doctors");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousClient.GetAsync("/api/doctors")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/doctors")).StatusCode);
    }

    private List<ApiEndpoint> StaffRoutes() =>
        ApiEndpoint.All(App.Services).Where(e => !PublicRoutes.Contains(e.ToString())).ToList();
}

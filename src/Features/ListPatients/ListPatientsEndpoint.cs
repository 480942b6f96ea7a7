using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.ListPatients;

public sealed class ListPatientsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/patients",
                async Task<Ok<Page<PatientListItem>>> (
                    [AsParameters] ListPatientsQuery query,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(query, ct))
            )
            .WithName("ListPatients")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Patients")
            .WithSummary("List or search patients")
            .WithDescription(
                "Ordered by name then id; pass nextCursor back as cursor for the next page. limit: 1 to 100, "
                    + "default 20. q (accents and case ignored): from 3 characters, part of the name or email, "
                    + "or of the phone's digits when q looks like a phone number; 1 or 2 characters match the "
                    + "start of the name. Erased patients are not listed."
            )
            .ProducesValidationProblem();
}

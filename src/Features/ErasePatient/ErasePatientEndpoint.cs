using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.ErasePatient;

public sealed class ErasePatientEndpoint : ICarterModule
{
    // POST, not DELETE: the record stays (anonymised) and GET still answers for it.
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/patients/{id:guid}/erase",
                async Task<Ok<PatientErasure>> (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ErasePatientCommand(id, RequestActor.Of(http)), ct))
            )
            .WithName("ErasePatient")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Patients")
            .WithSummary("Erase a patient on their request")
            .WithDescription(
                "Anonymises the patient (their old email can register again), cancels their future scheduled "
                    + "appointments and blanks the reasons of all of them; past appointments stay. "
                    + "Erasing an erased patient changes nothing and answers 200 with wasErasedBefore true."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}

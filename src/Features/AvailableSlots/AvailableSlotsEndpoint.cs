using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.AvailableSlots;

public sealed class AvailableSlotsEndpoint : ICarterModule
{
    private const string Description =
        "from/to: calendar dates in the doctor's time zone (to inclusive) or ISO-8601 instants with an offset "
        + "(to exclusive); at most 31 days. date: one calendar day. Without any: the next 7 days. "
        + "Slots carry the doctor's local offset; past, booked, time-off and out-of-hours slots are left out.";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(
                "/api/doctors/{id:guid}/available-slots",
                async Task<Ok<AvailableSlotsResult>> (
                    Guid id,
                    string? from,
                    string? to,
                    string? date,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(new AvailableSlotsQuery(id, from, to, date), ct))
            )
            .WithName("AvailableSlots")
            .WithTags("Doctors")
            .WithSummary("List a doctor's free slots")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet(
                "/api/doctors/available-slots",
                async Task<Ok<AvailableSlotsResult>> (
                    Guid doctorId,
                    string? from,
                    string? to,
                    string? date,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(new AvailableSlotsQuery(doctorId, from, to, date), ct))
            )
            .WithName("AvailableSlotsByQuery")
            .WithTags("Doctors")
            .WithSummary("List a doctor's free slots (older route: the doctor in the query string)")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

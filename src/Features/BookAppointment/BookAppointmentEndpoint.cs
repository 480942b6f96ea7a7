using AppointmentSlices.Features.Common;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.BookAppointment;

public sealed class BookAppointmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/appointments",
                async Task<Created<BookedAppointment>> (
                    BookAppointmentCommand command,
                    HttpContext http,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                {
                    var booked = await mediator.Send(command with { Actor = RequestActor.Of(http) }, ct);
                    return TypedResults.Created($"/api/appointments/{booked.Id}", booked);
                }
            )
            .WithName("BookAppointment")
            .WithTags("Appointments")
            .WithSummary("Book a free slot")
            .WithDescription(
                "startsAt must be the start of one of the doctor's free slots, with its offset. "
                    + "Give patientId for a registered patient, or patient {fullName, email, phone} for a new one."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}

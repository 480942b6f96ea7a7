using AppointmentSlices.Features.Common;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AppointmentSlices.Features.ListDoctors;

public sealed class ListDoctorsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/doctors",
                async Task<Ok<Page<DoctorListItem>>> (
                    [AsParameters] ListDoctorsQuery query,
                    IMediator mediator,
                    CancellationToken ct
                ) => TypedResults.Ok(await mediator.Send(query, ct))
            )
            // Kept whole for each query string; a signed-in caller (staff, an API key) always reads afresh.
            .CacheOutput(policy => policy.Expire(DoctorListCache.Lifetime).Tag(DoctorListCache.Tag))
            .WithName("ListDoctors")
            .WithTags("Doctors")
            .WithSummary("List doctors taking bookings")
            .WithDescription(
                "Filter by specialty and by part of the name (accents and case ignored). "
                    + "Ordered by name; pass nextCursor back as cursor for the next page. limit: 1 to 100, default 20. "
                    + "includeInactive=true lists the doctors who no longer take bookings too (isActive false)."
            )
            .ProducesValidationProblem();
}

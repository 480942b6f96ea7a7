using AppointmentSlices.Features.Common;
using Carter;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace AppointmentSlices.Features.ListSpecialties;

/// <summary>The specialties of the doctors taking bookings, for finding a doctor.</summary>
public sealed record ListSpecialtiesQuery : IQuery<IReadOnlyList<string>>;

internal sealed class ListSpecialtiesHandler(IListSpecialtiesStore store)
    : IQueryHandler<ListSpecialtiesQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListSpecialtiesQuery query, CancellationToken ct) =>
        await store.ListAsync(ct);
}

internal interface IListSpecialtiesStore
{
    Task<IReadOnlyList<string>> ListAsync(CancellationToken ct);
}

internal sealed class PostgresListSpecialtiesStore(NpgsqlDataSource db) : IListSpecialtiesStore, IPostgresStore
{
    private const string Sql = """
        SELECT min(specialty) FROM doctors WHERE is_active GROUP BY search_specialty ORDER BY search_specialty
        """;

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(Sql, cancellationToken: ct))).ToList();
    }
}

public sealed class ListSpecialtiesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/specialties",
                async Task<Ok<IReadOnlyList<string>>> (IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ListSpecialtiesQuery(), ct))
            )
            .WithName("ListSpecialties")
            .WithTags("Doctors")
            .WithSummary("List the specialties of the doctors taking bookings");
}

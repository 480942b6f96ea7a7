using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppointmentSlices.Features.ReactivateDoctor;

/// <summary>Lets an inactive doctor take bookings again, on the schedule they had. Only adds time.</summary>
public sealed record ReactivateDoctorCommand(Guid DoctorId) : ICommand<DoctorReactivated>, IChangesDoctorList;

public sealed record DoctorReactivated(Guid DoctorId, bool IsActive);

internal sealed class ReactivateDoctorHandler(IReactivateDoctorStore store, ILogger<ReactivateDoctorHandler> logger)
    : ICommandHandler<ReactivateDoctorCommand, DoctorReactivated>
{
    public async ValueTask<DoctorReactivated> Handle(ReactivateDoctorCommand command, CancellationToken ct)
    {
        if (!await store.ReactivateAsync(command.DoctorId, ct))
        {
            throw new NotFoundException("doctor", command.DoctorId);
        }

        logger.LogInformation("Reactivated doctor {DoctorId}", command.DoctorId);
        return new DoctorReactivated(command.DoctorId, IsActive: true);
    }
}

internal interface IReactivateDoctorStore
{
    /// <summary>Marks the doctor active; false for an unknown doctor.</summary>
    Task<bool> ReactivateAsync(Guid doctorId, CancellationToken ct);
}

internal sealed class PostgresReactivateDoctorStore(NpgsqlDataSource db) : IReactivateDoctorStore, IPostgresStore
{
    private const string Sql = "UPDATE doctors SET is_active = true WHERE id = @doctorId";

    public async Task<bool> ReactivateAsync(Guid doctorId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { doctorId }, cancellationToken: ct)) == 1;
    }
}

public sealed class ReactivateDoctorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(
                "/api/doctors/{id:guid}/reactivate",
                async Task<Ok<DoctorReactivated>> (Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ReactivateDoctorCommand(id), ct))
            )
            .WithName("ReactivateDoctor")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Let an inactive doctor take bookings again")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

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

namespace AppointmentSlices.Features.RemoveTimeOff;

/// <summary>Removes time off, so its slots can be booked again. It only adds time, so it needs no confirm.</summary>
public sealed record RemoveTimeOffCommand(Guid DoctorId, Guid TimeOffId) : ICommand;

internal sealed class RemoveTimeOffHandler(IRemoveTimeOffStore store, ILogger<RemoveTimeOffHandler> logger)
    : ICommandHandler<RemoveTimeOffCommand>
{
    public async ValueTask<Unit> Handle(RemoveTimeOffCommand command, CancellationToken ct)
    {
        if (!await store.DeleteAsync(command.DoctorId, command.TimeOffId, ct))
        {
            throw new NotFoundException("time off", command.TimeOffId);
        }

        logger.LogInformation("Removed time off {TimeOffId} of doctor {DoctorId}", command.TimeOffId, command.DoctorId);
        return Unit.Value;
    }
}

internal interface IRemoveTimeOffStore
{
    /// <summary>Deletes the doctor's time off; false when the doctor has none with this id.</summary>
    Task<bool> DeleteAsync(Guid doctorId, Guid timeOffId, CancellationToken ct);
}

internal sealed class PostgresRemoveTimeOffStore(NpgsqlDataSource db) : IRemoveTimeOffStore, IPostgresStore
{
    private const string Sql = "DELETE FROM time_off WHERE id = @timeOffId AND doctor_id = @doctorId";

    public async Task<bool> DeleteAsync(Guid doctorId, Guid timeOffId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var deleted = await connection.ExecuteAsync(
            new CommandDefinition(Sql, new { doctorId, timeOffId }, cancellationToken: ct)
        );
        return deleted == 1;
    }
}

public sealed class RemoveTimeOffEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(
                "/api/doctors/{id:guid}/time-off/{timeOffId:guid}",
                async Task<NoContent> (Guid id, Guid timeOffId, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new RemoveTimeOffCommand(id, timeOffId), ct);
                    return TypedResults.NoContent();
                }
            )
            .WithName("RemoveTimeOff")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Remove a doctor's time off")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

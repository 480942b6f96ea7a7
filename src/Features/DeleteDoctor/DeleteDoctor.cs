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

namespace AppointmentSlices.Features.DeleteDoctor;

/// <summary>
/// Deletes a doctor entered by mistake, with their hours and time off. A doctor with any appointment on record,
/// whatever its status, is refused with 409: the history stays whole, and deactivating is the way to retire them.
/// </summary>
public sealed record DeleteDoctorCommand(Guid DoctorId) : ICommand, IChangesDoctorList;

internal sealed class DeleteDoctorHandler(IDeleteDoctorStore store, ILogger<DeleteDoctorHandler> logger)
    : ICommandHandler<DeleteDoctorCommand>
{
    public async ValueTask<Unit> Handle(DeleteDoctorCommand command, CancellationToken ct)
    {
        var outcome = await store.DeleteAsync(command.DoctorId, ct);
        if (outcome == DeleteOutcome.NotFound)
        {
            throw new NotFoundException("doctor", command.DoctorId);
        }

        if (outcome == DeleteOutcome.HasAppointments)
        {
            throw new ConflictException(
                ProblemTypes.DoctorHasAppointments,
                "The doctor has appointments on record",
                "A doctor with appointments, past or future, cannot be deleted; deactivate the doctor instead."
            );
        }

        logger.LogInformation("Deleted doctor {DoctorId}", command.DoctorId);
        return Unit.Value;
    }
}

internal enum DeleteOutcome
{
    Deleted,
    NotFound,
    HasAppointments,
}

internal interface IDeleteDoctorStore
{
    Task<DeleteOutcome> DeleteAsync(Guid doctorId, CancellationToken ct);
}

internal sealed class PostgresDeleteDoctorStore(NpgsqlDataSource db) : IDeleteDoctorStore, IPostgresStore
{
    // The foreign key settles a race with a booking: whichever commits second waits, then fails (23503).
    private const string DeleteSql = """
        DELETE FROM doctors d
        WHERE d.id = @doctorId AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.doctor_id = d.id)
        """;

    private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM doctors WHERE id = @doctorId)";

    public async Task<DeleteOutcome> DeleteAsync(Guid doctorId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var deleted = await connection.ExecuteAsync(
                new CommandDefinition(DeleteSql, new { doctorId }, cancellationToken: ct)
            );
            if (deleted == 1)
            {
                return DeleteOutcome.Deleted;
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return DeleteOutcome.HasAppointments;
        }

        var exists = await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(ExistsSql, new { doctorId }, cancellationToken: ct)
        );
        return exists ? DeleteOutcome.HasAppointments : DeleteOutcome.NotFound;
    }
}

public sealed class DeleteDoctorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(
                "/api/doctors/{id:guid}",
                async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new DeleteDoctorCommand(id), ct);
                    return TypedResults.NoContent();
                }
            )
            .WithName("DeleteDoctor")
            .RequireAuthorization(StaffPolicies.FrontDesk)
            .WithTags("Doctors")
            .WithSummary("Delete a doctor who has never had an appointment")
            .WithDescription(
                "For a doctor entered by mistake. A doctor with any appointment on record is refused with 409 "
                    + "/problems/doctor-has-appointments; deactivate them instead."
            )
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

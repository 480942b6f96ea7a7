using System.Security.Claims;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Carter;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace AppointmentSlices.Features.GetAppointment;

public sealed record GetAppointmentQuery(Guid AppointmentId) : IQuery<AppointmentDetails>;

/// <summary>An appointment; its times carry the doctor's local offset and name the doctor's zone.</summary>
public sealed record AppointmentDetails(
    Guid Id,
    Guid DoctorId,
    string DoctorName,
    string Specialty,
    Guid PatientId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string Status,
    string Reason,
    string? CancellationReason = null
);

internal sealed class GetAppointmentHandler(IGetAppointmentStore store)
    : IQueryHandler<GetAppointmentQuery, AppointmentDetails>
{
    public async ValueTask<AppointmentDetails> Handle(GetAppointmentQuery query, CancellationToken ct) =>
        await store.FindAsync(query.AppointmentId, ct)
        ?? throw new NotFoundException("appointment", query.AppointmentId);
}

internal interface IGetAppointmentStore
{
    Task<AppointmentDetails?> FindAsync(Guid appointmentId, CancellationToken ct);
}

internal sealed class PostgresGetAppointmentStore(NpgsqlDataSource db) : IGetAppointmentStore, IPostgresStore
{
    private const string Sql = """
        SELECT a.id AS Id, a.doctor_id AS DoctorId, d.full_name AS DoctorName, d.specialty AS Specialty,
               a.patient_id AS PatientId, a.starts_at AS StartsAt, a.ends_at AS EndsAt, d.time_zone AS TimeZone,
               a.status AS Status, a.reason AS Reason, a.cancellation_reason AS CancellationReason
        FROM appointments a
        JOIN doctors d ON d.id = a.doctor_id
        WHERE a.id = @appointmentId
        """;

    public async Task<AppointmentDetails?> FindAsync(Guid appointmentId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { appointmentId }, cancellationToken: ct)
        );
        if (row is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(row.TimeZone);
        return new AppointmentDetails(
            row.Id,
            row.DoctorId,
            row.DoctorName,
            row.Specialty,
            row.PatientId,
            TimeZoneInfo.ConvertTime(new DateTimeOffset(row.StartsAt), zone),
            TimeZoneInfo.ConvertTime(new DateTimeOffset(row.EndsAt), zone),
            row.TimeZone,
            row.Status,
            row.Reason,
            row.CancellationReason
        );
    }

    private sealed record Row(
        Guid Id,
        Guid DoctorId,
        string DoctorName,
        string Specialty,
        Guid PatientId,
        DateTime StartsAt,
        DateTime EndsAt,
        string TimeZone,
        string Status,
        string Reason,
        string? CancellationReason
    );
}

public sealed class GetAppointmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/appointments/{id:guid}",
                async Task<Results<Ok<AppointmentDetails>, ForbidHttpResult>> (
                    Guid id,
                    ClaimsPrincipal user,
                    IMediator mediator,
                    CancellationToken ct
                ) =>
                {
                    var appointment = await mediator.Send(new GetAppointmentQuery(id), ct);
                    return AppointmentAccess.MayRead(user, appointment.DoctorId)
                        ? TypedResults.Ok(appointment)
                        : TypedResults.Forbid();
                }
            )
            .WithName("GetAppointment")
            .RequireAuthorization(StaffPolicies.Agenda)
            .WithTags("Appointments")
            .WithSummary("Get an appointment")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

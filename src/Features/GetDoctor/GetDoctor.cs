using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AppointmentSlices.Features.GetDoctor;

/// <summary>One doctor with their weekly working hours.</summary>
public sealed record GetDoctorQuery(Guid DoctorId) : IQuery<DoctorDetails>;

public sealed record DoctorDetails(
    Guid Id,
    string FullName,
    string Specialty,
    string TimeZone,
    int SlotMinutes,
    bool IsActive,
    IReadOnlyList<WorkingHoursItem> WorkingHours
);

/// <summary>
/// A working interval; times are wall-clock "HH:mm" in the doctor's time zone, and an end of "24:00" is midnight.
/// </summary>
public sealed record WorkingHoursItem(DayOfWeek Day, string Starts, string Ends);

internal sealed class GetDoctorHandler(IDoctorScheduleStore schedules, TimeProvider clock)
    : IQueryHandler<GetDoctorQuery, DoctorDetails>
{
    public async ValueTask<DoctorDetails> Handle(GetDoctorQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var doctor = await schedules.FindAsync(query.DoctorId, now, now, ct)
            ?? throw new NotFoundException("doctor", query.DoctorId);

        var hours = WeeklyHours.ToItems(doctor.Schedule.Hours);
        return new DoctorDetails(
            doctor.Id,
            doctor.FullName,
            doctor.Specialty,
            doctor.TimeZone,
            (int)doctor.Schedule.SlotLength.TotalMinutes,
            doctor.IsActive,
            hours
        );
    }
}

public sealed class GetDoctorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/api/doctors/{id:guid}",
                async Task<Ok<DoctorDetails>> (Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetDoctorQuery(id), ct))
            )
            .WithName("GetDoctor")
            .WithTags("Doctors")
            .WithSummary("Get a doctor and their weekly working hours")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

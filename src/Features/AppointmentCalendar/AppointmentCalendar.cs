using System.Globalization;
using AppointmentSlices.Features.Common;
using Dapper;
using Mediator;
using Npgsql;

namespace AppointmentSlices.Features.AppointmentCalendar;

/// <summary>
/// One appointment as an iCalendar file for the patient's own calendar. It names the doctor and the specialty, and
/// nothing about the patient (no name, no reason): calendar files get synced and shared beyond the patient's eyes.
/// </summary>
public sealed record AppointmentCalendarQuery(Guid AppointmentId) : IQuery<CalendarFile>;

internal sealed class AppointmentCalendarHandler(IAppointmentCalendarStore store, TimeProvider clock)
    : IQueryHandler<AppointmentCalendarQuery, CalendarFile>
{
    public async ValueTask<CalendarFile> Handle(AppointmentCalendarQuery query, CancellationToken ct)
    {
        var appointment = await store.FindAsync(query.AppointmentId, ct)
            ?? throw new NotFoundException("appointment", query.AppointmentId);

        var entry = new CalendarEntry(
            appointment.Id,
            appointment.StartsAt,
            appointment.EndsAt,
            appointment.Status,
            appointment.Sequence,
            appointment.CreatedAt,
            appointment.UpdatedAt,
            $"Appointment with {appointment.DoctorName}",
            $"{appointment.Specialty} appointment with {appointment.DoctorName}.\n"
                + $"Times are in the doctor's time zone, {appointment.TimeZone}.\n"
                + $"Reference: {appointment.Id}"
        );
        var text = CalendarText.Write(appointment.TimeZone, [entry], clock.GetUtcNow(), appointment.StartsAt);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(appointment.TimeZone);
        var day = TimeZoneInfo.ConvertTime(appointment.StartsAt, zone);
        return new CalendarFile($"appointment-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.ics", text);
    }
}

internal sealed record CalendarAppointment(
    Guid Id,
    string DoctorName,
    string Specialty,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Status,
    int Sequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
);

internal interface IAppointmentCalendarStore
{
    Task<CalendarAppointment?> FindAsync(Guid appointmentId, CancellationToken ct);
}

internal sealed class PostgresAppointmentCalendarStore(NpgsqlDataSource db) : IAppointmentCalendarStore, IPostgresStore
{
    // SEQUENCE counts the changes after booking (reschedules, cancellation, outcome), so it only ever grows.
    private const string Sql = """
        SELECT a.id AS Id, d.full_name AS DoctorName, d.specialty AS Specialty, d.time_zone AS TimeZone,
               a.starts_at AS StartsAt, a.ends_at AS EndsAt, a.status AS Status,
               (SELECT count(*) FROM appointment_events e
                WHERE e.appointment_id = a.id AND e.kind <> 'Booked')::int AS Sequence,
               a.created_at AS CreatedAt, a.updated_at AS UpdatedAt
        FROM appointments a
        JOIN doctors d ON d.id = a.doctor_id
        WHERE a.id = @appointmentId
        """;

    public async Task<CalendarAppointment?> FindAsync(Guid appointmentId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { appointmentId }, cancellationToken: ct)
        );
        return row is null
            ? null
            : new CalendarAppointment(
                row.Id,
                row.DoctorName,
                row.Specialty,
                row.TimeZone,
                new DateTimeOffset(row.StartsAt),
                new DateTimeOffset(row.EndsAt),
                row.Status,
                row.Sequence,
                new DateTimeOffset(row.CreatedAt),
                new DateTimeOffset(row.UpdatedAt)
            );
    }

    private sealed record Row(
        Guid Id,
        string DoctorName,
        string Specialty,
        string TimeZone,
        DateTime StartsAt,
        DateTime EndsAt,
        string Status,
        int Sequence,
        DateTime CreatedAt,
        DateTime UpdatedAt
    );
}

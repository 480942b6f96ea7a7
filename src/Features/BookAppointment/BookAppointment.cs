using System.Text.Json.Serialization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Features.BookAppointment;

/// <summary>
/// Books a slot for a registered patient (<c>PatientId</c>) or a new one (<c>Patient</c>). A new patient whose
/// email is already registered, in any letter case, is booked as that patient. <c>Actor</c> says who books for
/// the history (null: an integrator through the API); a client's JSON cannot set it.
/// </summary>
public sealed record BookAppointmentCommand(
    Guid DoctorId,
    DateTimeOffset StartsAt,
    string Reason,
    Guid? PatientId = null,
    NewPatient? Patient = null,
    [property: JsonIgnore] Actor? Actor = null
) : ICommand<BookedAppointment>;

public sealed record NewPatient(string FullName, string Email, string Phone);

public sealed record BookedAppointment(
    Guid Id,
    Guid DoctorId,
    Guid PatientId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string Status,
    string Reason,
    string ManageToken
);

internal sealed class BookAppointmentHandler(
    IDoctorScheduleStore schedules,
    IBookAppointmentStore store,
    TimeProvider clock,
    IOptions<BookingOptions> options,
    ILogger<BookAppointmentHandler> logger
) : ICommandHandler<BookAppointmentCommand, BookedAppointment>
{
    public async ValueTask<BookedAppointment> Handle(BookAppointmentCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        BookableStart.CheckWithinHorizon(command.StartsAt, now, options.Value.HorizonDays);

        var doctor = await schedules.FindAsync(command.DoctorId, command.StartsAt, command.StartsAt, ct);
        if (doctor is null || !doctor.IsActive)
        {
            throw Rule.Broken("doctorId", "There is no doctor taking bookings with this id.");
        }

        BookableStart.CheckOnGrid(doctor.Schedule, command.StartsAt);

        if (command.PatientId is { } patientId && !await store.PatientExistsAsync(patientId, ct))
        {
            throw Rule.Broken("patientId", "There is no patient with this id.");
        }

        var zone = doctor.Schedule.Zone;
        var startsAt = TimeZoneInfo.ConvertTime(command.StartsAt, zone);
        var endsAt = TimeZoneInfo.ConvertTime(startsAt + doctor.Schedule.SlotLength, zone);
        var manageToken = ManageToken.Create();
        var appointment = new NewAppointment(
            Guid.CreateVersion7(),
            doctor.Id,
            command.PatientId,
            command.Patient,
            startsAt,
            endsAt,
            command.Reason.Trim(),
            ManageToken.Hash(manageToken),
            command.Actor ?? Actor.Api,
            now
        );

        var bookedPatientId = await store.InsertAsync(appointment, ct);
        logger.LogInformation(
            "Booked appointment {AppointmentId} with doctor {DoctorId} at {StartsAt}",
            appointment.Id,
            doctor.Id,
            startsAt
        );

        return new BookedAppointment(
            appointment.Id,
            doctor.Id,
            bookedPatientId,
            startsAt,
            endsAt,
            doctor.TimeZone,
            AppointmentStatus.Scheduled,
            appointment.Reason,
            manageToken
        );
    }
}

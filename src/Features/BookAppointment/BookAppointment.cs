using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Features.BookAppointment;

/// <summary>
/// Books a slot for a registered patient (<c>PatientId</c>) or a new one (<c>Patient</c>). A new patient whose
/// email is already registered, in any letter case, is booked as that patient.
/// </summary>
public sealed record BookAppointmentCommand(
    Guid DoctorId,
    DateTimeOffset StartsAt,
    string Reason,
    Guid? PatientId = null,
    NewPatient? Patient = null
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
    string Reason
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
        CheckWithinHorizon(command.StartsAt, clock.GetUtcNow());

        var doctor = await schedules.FindAsync(command.DoctorId, command.StartsAt, command.StartsAt, ct);
        if (doctor is null || !doctor.IsActive)
        {
            throw Rule.Broken("doctorId", "There is no doctor taking bookings with this id.");
        }

        CheckOnGrid(doctor.Schedule, command.StartsAt);

        if (command.PatientId is { } patientId && !await store.PatientExistsAsync(patientId, ct))
        {
            throw Rule.Broken("patientId", "There is no patient with this id.");
        }

        var zone = doctor.Schedule.Zone;
        var startsAt = TimeZoneInfo.ConvertTime(command.StartsAt, zone);
        var endsAt = TimeZoneInfo.ConvertTime(startsAt + doctor.Schedule.SlotLength, zone);
        var appointment = new NewAppointment(
            Guid.CreateVersion7(),
            doctor.Id,
            command.PatientId,
            command.Patient,
            startsAt,
            endsAt,
            command.Reason.Trim()
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
            "Scheduled",
            appointment.Reason
        );
    }

    private void CheckWithinHorizon(DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (startsAt <= now)
        {
            throw Rule.Broken("startsAt", "This time has already passed; choose a slot in the future.");
        }

        var horizon = options.Value.HorizonDays;
        if (startsAt > now.AddDays(horizon))
        {
            throw Rule.Broken("startsAt", $"Bookings open {horizon} days ahead; choose an earlier slot.");
        }
    }

    private static void CheckOnGrid(DoctorSchedule schedule, DateTimeOffset startsAt)
    {
        var message = SlotCalendar.Check(schedule, startsAt) switch
        {
            GridCheck.OnGrid => null,
            GridCheck.OutsideWorkingHours => "The doctor does not work at this time.",
            GridCheck.DuringTimeOff => "The doctor is away at this time.",
            _ => $"Appointments start on the doctor's {schedule.SlotLength.TotalMinutes:0}-minute grid; "
                + "choose one of the listed free slots.",
        };
        if (message is not null)
        {
            throw Rule.Broken("startsAt", message);
        }
    }
}

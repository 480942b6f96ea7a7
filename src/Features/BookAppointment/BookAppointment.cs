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
/// the history (null: an integrator through the API); a client's JSON cannot set it. <c>ManageToken</c> is the
/// secret the booking's manage link will hold, when the booking form made it in advance (null: a new one), so a
/// form sent twice can find the booking its first send made; a client's JSON cannot set it either.
/// </summary>
public sealed record BookAppointmentCommand(
    Guid DoctorId,
    DateTimeOffset StartsAt,
    string Reason,
    Guid? PatientId = null,
    NewPatient? Patient = null,
    [property: JsonIgnore] Actor? Actor = null,
    [property: JsonIgnore] string? ManageToken = null
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

        // The manage token leaves only in the answer; the store keeps its hash.
        var manageToken = command.ManageToken ?? ManageToken.Create();
        var (appointment, patientId) = await store.BookAsync(
            command.DoctorId,
            command.StartsAt,
            command.PatientId,
            doctor => Plan(command, doctor, ManageToken.Hash(manageToken), now),
            ct
        );
        logger.LogInformation(
            "Booked appointment {AppointmentId} with doctor {DoctorId} at {StartsAt}",
            appointment.Id,
            appointment.DoctorId,
            appointment.StartsAt
        );

        return new BookedAppointment(
            appointment.Id,
            appointment.DoctorId,
            patientId,
            appointment.StartsAt,
            appointment.EndsAt,
            appointment.TimeZone,
            AppointmentStatus.Scheduled,
            appointment.Reason,
            manageToken
        );
    }

    /// <summary>
    /// Checks the start against the doctor's schedule, as read in the booking's transaction, and lays out the
    /// appointment: its end from the doctor's slot length, both in the doctor's zone.
    /// </summary>
    private static NewAppointment Plan(
        BookAppointmentCommand command,
        ScheduledDoctor? doctor,
        byte[] manageTokenHash,
        DateTimeOffset now
    )
    {
        if (doctor is null || !doctor.IsActive)
        {
            throw BookingRefusals.NoDoctor();
        }

        BookableStart.CheckOnGrid(doctor.Schedule, command.StartsAt);

        var zone = doctor.Schedule.Zone;
        var startsAt = TimeZoneInfo.ConvertTime(command.StartsAt, zone);
        var endsAt = TimeZoneInfo.ConvertTime(startsAt + doctor.Schedule.SlotLength, zone);
        return new NewAppointment(
            Guid.CreateVersion7(),
            doctor.Id,
            command.PatientId,
            command.Patient,
            startsAt,
            endsAt,
            doctor.TimeZone,
            command.Reason.Trim(),
            manageTokenHash,
            command.Actor ?? Actor.Api,
            now
        );
    }
}

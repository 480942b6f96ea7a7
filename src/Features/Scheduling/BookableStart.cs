using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using FluentValidation;
using MongoDB.Driver;
using Npgsql;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>
/// The rules a start must pass to be booked, or for an appointment to be moved to it. Each breach is a
/// validation error on <c>startsAt</c>; whether someone else holds the slot is the database's to say.
/// </summary>
internal static class BookableStart
{
    public static void CheckWithinHorizon(DateTimeOffset startsAt, DateTimeOffset now, int horizonDays)
    {
        if (startsAt <= now)
        {
            throw Rule.Broken("startsAt", "This time has already passed; choose a slot in the future.");
        }

        if (startsAt > now.AddDays(horizonDays))
        {
            throw Rule.Broken("startsAt", $"Bookings open {horizonDays} days ahead; choose an earlier slot.");
        }
    }

    /// <summary>
    /// Checks the start again against the schedule as it stands inside the write's transaction, and holds the
    /// doctor's row so no schedule change commits between this check and the write. The handler's earlier check
    /// answers most requests; this one closes the window between that read and the write.
    /// </summary>
    public static async Task CheckStillBookableAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid doctorId,
        DateTimeOffset startsAt,
        CancellationToken ct
    )
    {
        var doctor = await PostgresDoctorScheduleStore.ReadLockedAsync(connection, transaction, doctorId, startsAt, ct);
        if (doctor is null || !doctor.IsActive)
        {
            throw BookingRefusals.NoDoctor();
        }

        CheckOnGrid(doctor.Schedule, startsAt);
    }

    /// <summary>
    /// The MongoDB form of the check above: the doctor's document is written first in the transaction, so a
    /// schedule change can't commit between this check and the booking's or the move's commit.
    /// </summary>
    public static async Task CheckStillBookableAsync(
        MongoClinic clinic,
        IClientSessionHandle session,
        Guid doctorId,
        DateTimeOffset startsAt,
        CancellationToken ct
    )
    {
        var doctor = await MongoDoctors.TouchAsync(clinic, session, doctorId, ct);
        if (doctor is null || !doctor.IsActive)
        {
            throw BookingRefusals.NoDoctor();
        }

        CheckOnGrid(MongoDoctors.ToScheduled(doctor).Schedule, startsAt);
    }

    public static void CheckOnGrid(DoctorSchedule schedule, DateTimeOffset startsAt)
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

/// <summary>The refusals of a booking or a move that name a missing party, worded the same wherever they arise.</summary>
internal static class BookingRefusals
{
    public static ValidationException NoDoctor() =>
        Rule.Broken("doctorId", "There is no doctor taking bookings with this id.");

    public static ValidationException NoPatient() => Rule.Broken("patientId", "There is no patient with this id.");
}

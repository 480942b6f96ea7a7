using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.Common;

/// <summary>The 409s an appointment's writes answer with.</summary>
internal static class AppointmentConflicts
{
    // Whether the patient has another active appointment then; the patient is the appointment's, or the one given.
    private const string PatientHoldsTimeSql = """
        SELECT EXISTS (
            SELECT 1 FROM appointments
            WHERE patient_id = coalesce(@patientId, (SELECT patient_id FROM appointments WHERE id = @appointmentId))
              AND id <> @appointmentId AND status <> 'Cancelled'
              AND tstzrange(starts_at, ends_at) && tstzrange(@startsAt, @endsAt))
        """;

    /// <summary>
    /// The exclusion constraint a booking or a move broke: the doctor's slot or the patient's time. PostgreSQL checks
    /// the doctor's first, so when the slot is taken the patient's own appointments are asked too: a slot the patient
    /// holds themselves is their time taken, not someone else's booking. The failed transaction is rolled back first.
    /// </summary>
    public static async Task<ConflictException> OverlapAsync(
        NpgsqlTransaction transaction,
        PostgresException exception,
        Guid appointmentId,
        Guid? patientId,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        CancellationToken ct
    )
    {
        var connection = transaction.Connection!;
        await transaction.RollbackAsync(ct);
        if (exception.ConstraintName == "appointments_patient_no_overlap")
        {
            return PatientBusy();
        }

        var parameters = new
        {
            appointmentId,
            patientId,
            startsAt = startsAt.UtcDateTime,
            endsAt = endsAt.UtcDateTime,
        };
        var patientBusy = await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(PatientHoldsTimeSql, parameters, cancellationToken: ct)
        );
        return patientBusy ? PatientBusy() : SlotTaken();
    }

    public static ConflictException SlotTaken() =>
        new(
            ProblemTypes.SlotTaken,
            "The slot is taken",
            "Someone else has just booked this slot; choose another free slot."
        );

    public static ConflictException PatientBusy() =>
        new(
            ProblemTypes.PatientBusy,
            "The patient already has an appointment then",
            "The patient already has an appointment that overlaps this time."
        );

    /// <summary>
    /// The appointment's status, or its start having passed, does not allow the change. The problem names the
    /// status the appointment has now in <c>appointmentStatus</c>.
    /// </summary>
    public static ConflictException Status(string currentStatus, string detail) =>
        new(
            ProblemTypes.StatusConflict,
            "The appointment cannot change this way now",
            detail,
            new Dictionary<string, object?> { ["appointmentStatus"] = currentStatus }
        );
}

using Npgsql;

namespace AppointmentSlices.Features.Common;

/// <summary>The 409s an appointment's writes answer with.</summary>
internal static class AppointmentConflicts
{
    /// <summary>The exclusion constraint a booking or a move broke: the doctor's slot or the patient's time.</summary>
    public static ConflictException Overlap(PostgresException exception) =>
        exception.ConstraintName == "appointments_patient_no_overlap" ? PatientBusy() : SlotTaken();

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

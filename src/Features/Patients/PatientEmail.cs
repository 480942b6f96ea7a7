using AppointmentSlices.Features.Common;
using Npgsql;

namespace AppointmentSlices.Features.Patients;

/// <summary>
/// One patient per email address, whatever its case. The unique index decides, not a look-up first, so two
/// registrations racing for one address give exactly one patient.
/// </summary>
internal static class PatientEmail
{
    private const string UniqueIndex = "patients_email_key";

    public static bool IsTaken(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == UniqueIndex;

    public static ConflictException Taken() =>
        new(
            ProblemTypes.EmailTaken,
            "The email is taken",
            "Another patient is registered with this email address; each patient needs an address of their own."
        );
}

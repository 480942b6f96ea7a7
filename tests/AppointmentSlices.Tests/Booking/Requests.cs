namespace AppointmentSlices.Tests.Booking;

/// <summary>Booking request bodies as a client sends them, with the start written out exactly as on the wire.</summary>
internal static class Requests
{
    /// <summary>Tuesday 17 March 2026, 09:00 in Madrid: the first slot of the split-day doctor that week.</summary>
    public const string TuesdayNine = "2026-03-17T09:00:00+01:00";

    private static int _patients;

    public static object ForNewPatient(Guid doctorId, string startsAt = TuesdayNine, string? email = null) =>
        new
        {
            doctorId,
            startsAt,
            reason = "Dolor de espalda desde hace una semana",
            patient = NewPatient(email),
        };

    public static object ForPatient(Guid doctorId, Guid patientId, string startsAt = TuesdayNine) =>
        new
        {
            doctorId,
            startsAt,
            reason = "Revisión anual",
            patientId,
        };

    public static object NewPatient(string? email = null)
    {
        var n = Interlocked.Increment(ref _patients);
        return new
        {
            fullName = $"Paciente Nuevo {n}",
            email = email ?? $"new{n}@example.org",
            phone = "+34 612 345 678",
        };
    }
}

using Npgsql;
using NpgsqlTypes;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>Writes the demo rows with binary COPY, the fastest way into PostgreSQL.</summary>
internal static class DemoCopy
{
    // search_name and search_specialty are generated columns and must not be written.
    private const string CopyDoctors =
        "COPY doctors (id, full_name, specialty, time_zone, slot_minutes, is_active) FROM STDIN (FORMAT BINARY)";

    private const string CopyWorkingHours =
        "COPY working_hours (doctor_id, day_of_week, starts_at, ends_at) FROM STDIN (FORMAT BINARY)";

    private const string CopyTimeOff =
        "COPY time_off (id, doctor_id, starts_at, ends_at, reason) FROM STDIN (FORMAT BINARY)";

    private const string CopyPatients =
        "COPY patients (id, full_name, email, phone, created_at) FROM STDIN (FORMAT BINARY)";

    private const string CopyAppointments = """
        COPY appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason, created_at)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyAppointmentEvents = """
        COPY appointment_events (id, appointment_id, occurred_at, kind, status, actor, starts_at, ends_at)
        FROM STDIN (FORMAT BINARY)
        """;

    public static Task DoctorsAsync(NpgsqlConnection connection, List<DemoDoctor> doctors, CancellationToken token) =>
        CopyAsync(connection, CopyDoctors, doctors, token, async (row, doctor) =>
        {
            await row.WriteAsync(doctor.Id, NpgsqlDbType.Uuid, token);
            await row.WriteAsync(doctor.FullName, NpgsqlDbType.Text, token);
            await row.WriteAsync(doctor.Specialty, NpgsqlDbType.Text, token);
            await row.WriteAsync(DemoDoctors.TimeZone, NpgsqlDbType.Text, token);
            await row.WriteAsync(doctor.SlotMinutes, NpgsqlDbType.Integer, token);
            await row.WriteAsync(true, NpgsqlDbType.Boolean, token);
        });

    public static Task WorkingHoursAsync(
        NpgsqlConnection connection,
        List<DemoDoctor> doctors,
        CancellationToken token
    ) =>
        CopyAsync(
            connection,
            CopyWorkingHours,
            doctors.SelectMany(doctor => doctor.WorkingHours.Select(hours => (DoctorId: doctor.Id, Hours: hours))),
            token,
            async (row, item) =>
            {
                await row.WriteAsync(item.DoctorId, NpgsqlDbType.Uuid, token);
                await row.WriteAsync((short)item.Hours.Day, NpgsqlDbType.Smallint, token);
                await row.WriteAsync(item.Hours.Start, NpgsqlDbType.Time, token);
                await row.WriteAsync(item.Hours.End, NpgsqlDbType.Time, token);
            }
        );

    public static Task TimeOffAsync(NpgsqlConnection connection, List<DemoDoctor> doctors, CancellationToken token) =>
        CopyAsync(
            connection,
            CopyTimeOff,
            doctors.SelectMany(doctor => doctor.TimeOff.Select(off => (DoctorId: doctor.Id, Off: off))),
            token,
            async (row, item) =>
            {
                await row.WriteAsync(item.Off.Id, NpgsqlDbType.Uuid, token);
                await row.WriteAsync(item.DoctorId, NpgsqlDbType.Uuid, token);
                await row.WriteAsync(item.Off.Start, NpgsqlDbType.Timestamp, token);
                await row.WriteAsync(item.Off.End, NpgsqlDbType.Timestamp, token);
                await row.WriteAsync(item.Off.Reason, NpgsqlDbType.Text, token);
            }
        );

    public static Task PatientsAsync(
        NpgsqlConnection connection,
        List<DemoPatient> patients,
        CancellationToken token
    ) => CopyAsync(connection, CopyPatients, patients, token, async (row, patient) =>
        {
            await row.WriteAsync(patient.Id, NpgsqlDbType.Uuid, token);
            await row.WriteAsync(patient.FullName, NpgsqlDbType.Text, token);
            await row.WriteAsync(patient.Email, NpgsqlDbType.Text, token);
            await row.WriteAsync(patient.Phone, NpgsqlDbType.Text, token);
            await row.WriteAsync(patient.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, token);
        });

    public static Task AppointmentsAsync(
        NpgsqlConnection connection,
        List<DemoAppointment> appointments,
        CancellationToken token
    ) => CopyAsync(connection, CopyAppointments, appointments, token, async (row, appointment) =>
        {
            await row.WriteAsync(appointment.Id, NpgsqlDbType.Uuid, token);
            await row.WriteAsync(appointment.DoctorId, NpgsqlDbType.Uuid, token);
            await row.WriteAsync(appointment.PatientId, NpgsqlDbType.Uuid, token);
            await row.WriteAsync(appointment.StartsAt.UtcDateTime, NpgsqlDbType.TimestampTz, token);
            await row.WriteAsync(appointment.EndsAt.UtcDateTime, NpgsqlDbType.TimestampTz, token);
            await row.WriteAsync(appointment.Status, NpgsqlDbType.Text, token);
            await row.WriteAsync(appointment.Reason, NpgsqlDbType.Text, token);
            await row.WriteAsync(appointment.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, token);
        });

    public static Task AppointmentEventsAsync(
        NpgsqlConnection connection,
        List<DemoAppointmentEvent> events,
        CancellationToken token
    ) => CopyAsync(connection, CopyAppointmentEvents, events, token, async (row, change) =>
        {
            await row.WriteAsync(change.Id, NpgsqlDbType.Uuid, token);
            await row.WriteAsync(change.AppointmentId, NpgsqlDbType.Uuid, token);
            await row.WriteAsync(change.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, token);
            await row.WriteAsync(change.Kind, NpgsqlDbType.Text, token);
            await row.WriteAsync(change.Status, NpgsqlDbType.Text, token);
            await row.WriteAsync(change.Actor, NpgsqlDbType.Text, token);
            await row.WriteAsync(change.StartsAt.UtcDateTime, NpgsqlDbType.TimestampTz, token);
            await row.WriteAsync(change.EndsAt.UtcDateTime, NpgsqlDbType.TimestampTz, token);
        });

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection,
        string copy,
        IEnumerable<T> rows,
        CancellationToken token,
        Func<NpgsqlBinaryImporter, T, Task> writeColumns
    )
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, token);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(token);
            await writeColumns(writer, row);
        }

        await writer.CompleteAsync(token);
    }
}

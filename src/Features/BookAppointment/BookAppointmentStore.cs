using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.BookAppointment;

internal sealed record NewAppointment(
    Guid Id,
    Guid DoctorId,
    Guid? PatientId,
    NewPatient? NewPatient,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Reason,
    byte[] ManageTokenHash,
    Actor BookedBy,
    DateTimeOffset BookedAt
);

internal interface IBookAppointmentStore
{
    Task<bool> PatientExistsAsync(Guid patientId, CancellationToken ct);

    /// <summary>
    /// Stores the appointment, its 'Booked' event (and the new patient) atomically; returns the patient's id.
    /// </summary>
    /// <exception cref="ConflictException">The slot, or the patient's time, is already taken.</exception>
    Task<Guid> InsertAsync(NewAppointment appointment, CancellationToken ct);
}

internal sealed class PostgresBookAppointmentStore(NpgsqlDataSource db) : IBookAppointmentStore, IPostgresStore
{
    private const string PatientExistsSql =
        "SELECT EXISTS (SELECT 1 FROM patients WHERE id = @patientId AND erased_at IS NULL)";

    // The no-op update makes RETURNING give the existing patient's id when the email is taken; xmax is 0 only on
    // a row this statement inserted.
    private const string UpsertPatientSql = """
        INSERT INTO patients (id, full_name, email, phone)
        VALUES (@Id, @FullName, @Email, @Phone)
        ON CONFLICT ((lower(email))) DO UPDATE SET email = patients.email
        RETURNING id AS Id, xmax = 0 AS Inserted
        """;

    private const string InsertAppointmentSql = """
        INSERT INTO appointments
            (id, doctor_id, patient_id, starts_at, ends_at, status, reason, manage_token_hash, created_at, updated_at)
        VALUES (@Id, @DoctorId, @PatientId, @StartsAt, @EndsAt, 'Scheduled', @Reason, @ManageTokenHash,
                @BookedAt, @BookedAt)
        """;

    public async Task<bool> PatientExistsAsync(Guid patientId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(PatientExistsSql, new { patientId }, cancellationToken: ct)
        );
    }

    public async Task<Guid> InsertAsync(NewAppointment appointment, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await BookableStart.CheckStillBookableAsync(
            connection,
            transaction,
            appointment.DoctorId,
            appointment.StartsAt,
            ct
        );

        var patientId = appointment.PatientId ?? await UpsertPatientAsync(connection, transaction, appointment, ct);

        var row = new
        {
            appointment.Id,
            appointment.DoctorId,
            PatientId = patientId,
            StartsAt = appointment.StartsAt.UtcDateTime,
            EndsAt = appointment.EndsAt.UtcDateTime,
            appointment.Reason,
            appointment.ManageTokenHash,
            BookedAt = appointment.BookedAt.UtcDateTime,
        };
        var booked = new AppointmentChange(
            appointment.Id,
            AppointmentHistory.Booked,
            AppointmentStatus.Scheduled,
            appointment.BookedBy,
            appointment.StartsAt,
            appointment.EndsAt,
            null,
            appointment.BookedAt
        );

        try
        {
            await connection.ExecuteAsync(
                new CommandDefinition(InsertAppointmentSql, row, transaction, cancellationToken: ct)
            );
            await AppointmentHistory.RecordAsync(connection, transaction, booked, ct);
            await transaction.CommitAsync(ct);
            return patientId;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            throw AppointmentConflicts.Overlap(e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The doctor (or the patient) was deleted between the checks and the insert.
            throw e.ConstraintName?.Contains("patient", StringComparison.Ordinal) == true
                ? Rule.Broken("patientId", "There is no patient with this id.")
                : Rule.Broken("doctorId", "There is no doctor taking bookings with this id.");
        }
    }

    private static async Task<Guid> UpsertPatientAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        NewAppointment appointment,
        CancellationToken ct
    )
    {
        var patient = new
        {
            Id = Guid.CreateVersion7(),
            FullName = appointment.NewPatient!.FullName.Trim(),
            Email = appointment.NewPatient.Email.Trim(),
            Phone = appointment.NewPatient.Phone.Trim(),
        };
        var upserted = await connection.QuerySingleAsync<UpsertedPatient>(
            new CommandDefinition(UpsertPatientSql, patient, transaction, cancellationToken: ct)
        );
        if (upserted.Inserted)
        {
            var audit = new AuditEntry(
                AuditLog.Patient,
                upserted.Id,
                "Registered",
                appointment.BookedBy,
                AuditLog.PatientFields,
                appointment.BookedAt
            );
            await AuditLog.RecordAsync(connection, transaction, audit, ct);
        }

        return upserted.Id;
    }

    private sealed record UpsertedPatient(Guid Id, bool Inserted);
}

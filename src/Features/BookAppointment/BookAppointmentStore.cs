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
    string TimeZone,
    string Reason,
    byte[] ManageTokenHash,
    Actor BookedBy,
    DateTimeOffset BookedAt
);

/// <summary>What a booking stored: the appointment as planned and the patient it is for.</summary>
internal sealed record StoredBooking(NewAppointment Appointment, Guid PatientId);

internal interface IBookAppointmentStore
{
    /// <summary>
    /// Books in one transaction. Reads the doctor (null when unknown), holding their schedule against changes until
    /// the booking commits, and has <paramref name="plan"/> check the start against it and lay out the appointment;
    /// checks that a named patient is registered; then stores the appointment, its 'Booked' event and a new patient.
    /// </summary>
    /// <exception cref="FluentValidation.ValidationException">From the plan, or when the named patient isn't registered.</exception>
    /// <exception cref="ConflictException">The slot, or the patient's time, is already taken.</exception>
    Task<StoredBooking> BookAsync(
        Guid doctorId,
        DateTimeOffset startsAt,
        Guid? patientId,
        Func<ScheduledDoctor?, NewAppointment> plan,
        CancellationToken ct
    );
}

/// <summary>
/// One connection and three round trips a booking: the locked read of the schedule and the patient, the inserts
/// together in a batch, and the commit.
/// </summary>
internal sealed class PostgresBookAppointmentStore(NpgsqlDataSource db) : IBookAppointmentStore, IPostgresStore
{
    // The no-op update makes RETURNING give the existing patient's id when the email is taken; xmax is 0 only on
    // a row this statement inserted.
    private const string UpsertPatientSql = """
        INSERT INTO patients (id, full_name, email, phone)
        VALUES (@Id, @FullName, @Email, @Phone)
        ON CONFLICT ((lower(email))) DO UPDATE SET email = patients.email
        RETURNING id AS Id, xmax = 0 AS Inserted
        """;

    // Read with the schedule, after its statements. The key-share lock waits for an erasure of this patient in
    // flight (it holds the row FOR UPDATE) and then reads the erased row, so the booking is refused; an erasure
    // that comes later waits for this booking and cancels it with the rest.
    private const string PatientExistsSql =
        "SELECT EXISTS (SELECT 1 FROM patients WHERE id = @patientId AND erased_at IS NULL FOR KEY SHARE);";

    private const string InsertAppointmentSql = """
        INSERT INTO appointments
            (id, doctor_id, patient_id, starts_at, ends_at, status, reason, manage_token_hash, created_at, updated_at)
        VALUES (@Id, @DoctorId, @PatientId, @StartsAt, @EndsAt, 'Scheduled', @Reason, @ManageTokenHash,
                @BookedAt, @BookedAt)
        """;

    public async Task<StoredBooking> BookAsync(
        Guid doctorId,
        DateTimeOffset startsAt,
        Guid? patientId,
        Func<ScheduledDoctor?, NewAppointment> plan,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (doctor, patientExists) = await PostgresDoctorScheduleStore.ReadThenAsync(
            connection,
            transaction,
            doctorId,
            startsAt,
            startsAt,
            patientId is null ? "" : PatientExistsSql,
            new { patientId },
            results => patientId is null ? Task.FromResult(false) : results.ReadSingleAsync<bool>(),
            ct
        );
        var appointment = plan(doctor);
        if (patientId is not null && !patientExists)
        {
            throw BookingRefusals.NoPatient();
        }

        var bookedPatientId = appointment.PatientId
            ?? await UpsertPatientAsync(connection, transaction, appointment, ct);
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
            await Batches.ExecuteAsync(
                connection,
                transaction,
                [InsertCommand(appointment, bookedPatientId), .. AppointmentHistory.Commands(booked)],
                ct
            );
            await transaction.CommitAsync(ct);
            return new StoredBooking(appointment, bookedPatientId);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            throw await AppointmentConflicts.OverlapAsync(
                transaction,
                e,
                appointment.Id,
                bookedPatientId,
                appointment.StartsAt,
                appointment.EndsAt,
                ct
            );
        }
        catch (PostgresException e) when (e.ConstraintName == "appointments_manage_token_hash_key")
        {
            // Only a booking form sent twice repeats a manage token: its first send holds the slot.
            throw AppointmentConflicts.SlotTaken();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The doctor's row is held, so only the patient can have gone since the read.
            throw BookingRefusals.NoPatient();
        }
    }

    private static NpgsqlBatchCommand InsertCommand(NewAppointment appointment, Guid patientId) =>
        new(InsertAppointmentSql)
        {
            Parameters =
            {
                new("Id", appointment.Id),
                new("DoctorId", appointment.DoctorId),
                new("PatientId", patientId),
                new("StartsAt", appointment.StartsAt.UtcDateTime),
                new("EndsAt", appointment.EndsAt.UtcDateTime),
                new("Reason", appointment.Reason),
                new("ManageTokenHash", appointment.ManageTokenHash),
                new("BookedAt", appointment.BookedAt.UtcDateTime),
            },
        };

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
            FullName = TextRules.Tidy(appointment.NewPatient!.FullName),
            Email = TextRules.Tidy(appointment.NewPatient.Email),
            Phone = TextRules.Tidy(appointment.NewPatient.Phone),
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

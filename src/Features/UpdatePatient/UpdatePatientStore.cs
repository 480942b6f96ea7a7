using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.UpdatePatient;

internal interface IUpdatePatientStore
{
    /// <summary>Changes a patient who is not erased; null when there is no such patient.</summary>
    /// <exception cref="ConflictException">Another patient has the new email, in any letter case.</exception>
    Task<PatientDetails?> UpdateAsync(
        Guid patientId,
        PatientChanges changes,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    );

    /// <summary>Whether the patient is erased; null when there is no patient with this id.</summary>
    Task<bool?> IsErasedAsync(Guid patientId, CancellationToken ct);
}

internal sealed class PostgresUpdatePatientStore(NpgsqlDataSource db) : IUpdatePatientStore, IPostgresStore
{
    private const string UpdateSql = $"""
        UPDATE patients
        SET full_name = @FullName, email = @Email, phone = @Phone, updated_at = @Now
        WHERE id = @PatientId AND erased_at IS NULL
        RETURNING {PatientRow.Columns}
        """;

    // The row as it was, locked until the change commits, so the audit log names the fields that changed.
    private const string LockSql = """
        SELECT full_name AS FullName, email AS Email, phone AS Phone
        FROM patients WHERE id = @PatientId AND erased_at IS NULL
        FOR UPDATE
        """;

    private const string IsErasedSql = "SELECT erased_at IS NOT NULL FROM patients WHERE id = @patientId";

    public async Task<PatientDetails?> UpdateAsync(
        Guid patientId,
        PatientChanges changes,
        Actor actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var parameters = new
        {
            PatientId = patientId,
            changes.FullName,
            changes.Email,
            changes.Phone,
            Now = now.UtcDateTime,
        };

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            var before = await connection.QuerySingleOrDefaultAsync<PatientChanges>(
                new CommandDefinition(LockSql, parameters, transaction, cancellationToken: ct)
            );
            if (before is null)
            {
                return null;
            }

            var row = await connection.QuerySingleAsync<PatientRow>(
                new CommandDefinition(UpdateSql, parameters, transaction, cancellationToken: ct)
            );
            string[] changed =
            [
                .. before.FullName == changes.FullName ? [] : new[] { "fullName" },
                .. before.Email == changes.Email ? [] : new[] { "email" },
                .. before.Phone == changes.Phone ? [] : new[] { "phone" },
            ];
            if (changed.Length > 0)
            {
                var audit = new AuditEntry(AuditLog.Patient, patientId, "Updated", actor, changed, now);
                await AuditLog.RecordAsync(connection, transaction, audit, ct);
            }

            await transaction.CommitAsync(ct);
            return row.ToDetails();
        }
        catch (PostgresException e) when (PatientEmail.IsTaken(e))
        {
            throw PatientEmail.Taken();
        }
    }

    public async Task<bool?> IsErasedAsync(Guid patientId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<bool?>(
            new CommandDefinition(IsErasedSql, new { patientId }, cancellationToken: ct)
        );
    }
}

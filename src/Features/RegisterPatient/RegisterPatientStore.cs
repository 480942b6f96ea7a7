using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.RegisterPatient;

internal interface IRegisterPatientStore
{
    /// <exception cref="ConflictException">Another patient has this email, in any letter case.</exception>
    Task InsertAsync(PatientDetails patient, Actor actor, CancellationToken ct);
}

internal sealed class PostgresRegisterPatientStore(NpgsqlDataSource db) : IRegisterPatientStore, IPostgresStore
{
    private const string Sql = """
        INSERT INTO patients (id, full_name, email, phone, created_at, updated_at)
        VALUES (@Id, @FullName, @Email, @Phone, @Now, @Now)
        """;

    public async Task InsertAsync(PatientDetails patient, Actor actor, CancellationToken ct)
    {
        var row = new
        {
            patient.Id,
            patient.FullName,
            patient.Email,
            patient.Phone,
            Now = patient.RegisteredAt.UtcDateTime,
        };

        var audit = new AuditEntry(
            AuditLog.Patient,
            patient.Id,
            "Registered",
            actor,
            AuditLog.PatientFields,
            patient.RegisteredAt
        );

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, row, transaction, cancellationToken: ct));
            await AuditLog.RecordAsync(connection, transaction, audit, ct);
            await transaction.CommitAsync(ct);
        }
        catch (PostgresException e) when (PatientEmail.IsTaken(e))
        {
            throw PatientEmail.Taken();
        }
    }
}

using Dapper;
using Npgsql;

namespace AppointmentSlices.Tests.Harness;

/// <summary>An appointment row as stored, read straight from the table.</summary>
public sealed record StoredAppointment(
    Guid Id,
    string Status,
    DateTime StartsAt,
    DateTime EndsAt,
    string? CancellationReason,
    byte[]? ManageTokenHash
);

/// <summary>An appointment_events row as stored.</summary>
public sealed record StoredEvent(
    string Kind,
    string Status,
    string Actor,
    DateTime StartsAt,
    DateTime EndsAt,
    string? Note
);

/// <summary>
/// Puts appointments straight into the database, at any time and in any status (booking refuses the past), and
/// reads them and their events back. Rows put in this way have no history.
/// </summary>
public sealed class TestAppointments(NpgsqlDataSource db)
{
    private const string InsertSql = """
        INSERT INTO appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason)
        VALUES (@id, @doctorId, @patientId, @startsAt, @endsAt, @status, 'Revisión anual')
        """;

    private const string ReadSql = """
        SELECT id AS Id, status AS Status, starts_at AS StartsAt, ends_at AS EndsAt,
               cancellation_reason AS CancellationReason, manage_token_hash AS ManageTokenHash
        FROM appointments WHERE id = @id
        """;

    private const string EventsSql = """
        SELECT kind AS Kind, status AS Status, actor AS Actor, starts_at AS StartsAt, ends_at AS EndsAt, note AS Note
        FROM appointment_events WHERE appointment_id = @id ORDER BY occurred_at, id
        """;

    public async Task<Guid> InsertAsync(
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        string status = "Scheduled",
        int minutes = 30
    )
    {
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                doctorId,
                patientId,
                startsAt = startsAt.UtcDateTime,
                endsAt = startsAt.AddMinutes(minutes).UtcDateTime,
                status,
            }
        );
        return id;
    }

    public async Task<StoredAppointment> ReadAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<StoredAppointment>(ReadSql, new { id });
    }

    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<StoredEvent>(EventsSql, new { id })).ToList();
    }
}

using Dapper;
using Npgsql;

namespace AppointmentSlices.Tests.Harness;

/// <summary>Puts doctors and patients straight into the database, the way a test needs them, and counts rows.</summary>
public sealed class TestClinic(NpgsqlDataSource db)
{
    private const string InsertPatientSql = """
        INSERT INTO patients (id, full_name, email, phone) VALUES (@id, @fullName, @email, @phone)
        """;

    private int _patients;

    public DoctorBuilder Doctor(string fullName = "Lucía Serrano Gil") => new(db, fullName);

    /// <summary>A doctor in Madrid on 30-minute slots, Monday to Friday 09:00–14:00 and 15:00–18:00.</summary>
    public Task<Guid> AddMadridDoctorAsync(string fullName = "Lucía Serrano Gil") =>
        Doctor(fullName).WorksWeekdays(("09:00", "14:00"), ("15:00", "18:00")).SaveAsync();

    public async Task<Guid> AddPatientAsync(string? fullName = null, string? email = null)
    {
        var n = Interlocked.Increment(ref _patients);
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            InsertPatientSql,
            new
            {
                id,
                fullName = fullName ?? $"Paciente Registrado {n}",
                email = email ?? $"registered{n}@example.org",
                phone = "+34 600 000 000",
            }
        );
        return id;
    }

    public Task<long> CountAppointmentsAsync() => CountAsync("SELECT count(*) FROM appointments");

    public Task<long> CountPatientsAsync() => CountAsync("SELECT count(*) FROM patients");

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

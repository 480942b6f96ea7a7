using Dapper;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class PostgresClinicData
{
    public override Task<long> CountDoctorsAsync() => ScalarAsync<long>("SELECT count(*) FROM doctors");

    public override async Task<(Guid Id, string Name)> PatientOfAsync(Guid appointmentId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(Guid, string)>(
            """
            SELECT p.id, p.full_name
            FROM appointments a JOIN patients p ON p.id = a.patient_id
            WHERE a.id = @appointmentId
            """,
            new { appointmentId }
        );
    }

    public override Task CancelDirectlyAsync(Guid appointmentId) =>
        ExecuteAsync("UPDATE appointments SET status = 'Cancelled' WHERE id = @appointmentId", new { appointmentId });
}

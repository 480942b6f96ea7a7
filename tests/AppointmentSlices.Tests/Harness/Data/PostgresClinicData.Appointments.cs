using Dapper;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class PostgresClinicData
{
    public override async Task MoveAppointmentAsync(Guid id, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE appointments SET starts_at = @startsAt, ends_at = @endsAt WHERE id = @id",
            new
            {
                id,
                startsAt = startsAt.UtcDateTime,
                endsAt = endsAt.UtcDateTime,
            }
        );
    }
}

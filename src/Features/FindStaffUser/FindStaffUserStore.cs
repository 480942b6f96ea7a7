using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.FindStaffUser;

internal interface IFindStaffUserStore
{
    Task<StaffUserStanding?> FindAsync(Guid id, CancellationToken ct);
}

internal sealed class PostgresFindStaffUserStore(NpgsqlDataSource db) : IFindStaffUserStore, IPostgresStore
{
    private const string Sql = """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, role AS Role, doctor_id AS DoctorId,
               locked_until AS LockedUntil, session_generation AS SessionGeneration
        FROM staff_users WHERE id = @id
        """;

    public async Task<StaffUserStanding?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { id }, cancellationToken: ct)
        );
        return row is null
            ? null
            : new StaffUserStanding(
                new StaffMember(row.Id, row.Email, row.DisplayName, row.Role, row.DoctorId),
                row.LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
                row.SessionGeneration
            );
    }

    private sealed record Row(
        Guid Id,
        string Email,
        string DisplayName,
        string Role,
        Guid? DoctorId,
        DateTime? LockedUntil,
        int SessionGeneration
    );
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.SignInStaff;

internal sealed record StaffAccount(
    StaffMember Member,
    string PasswordHash,
    DateTimeOffset? LockedUntil,
    int SessionGeneration = 0
);

internal interface ISignInStaffStore
{
    Task<StaffAccount?> FindAsync(string email, CancellationToken ct);

    /// <summary>Counts a failure; returns the end of the lockout when this one locked the account.</summary>
    Task<DateTimeOffset?> RecordFailureAsync(Guid id, int attempts, DateTimeOffset lockUntil, CancellationToken ct);

    Task RecordSuccessAsync(Guid id, CancellationToken ct);
}

internal sealed class PostgresSignInStaffStore(NpgsqlDataSource db) : ISignInStaffStore, IPostgresStore
{
    private const string FindSql = """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, role AS Role, doctor_id AS DoctorId,
               password_hash AS PasswordHash, locked_until AS LockedUntil, session_generation AS SessionGeneration
        FROM staff_users WHERE lower(email) = lower(@email)
        """;

    // One statement, so concurrent failures all count. Locking starts the count again.
    private const string FailureSql = """
        UPDATE staff_users
        SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @attempts THEN 0 ELSE failed_sign_ins + 1 END,
            locked_until = CASE WHEN failed_sign_ins + 1 >= @attempts THEN @lockUntil ELSE locked_until END
        WHERE id = @id
        RETURNING CASE WHEN locked_until = @lockUntil THEN locked_until END
        """;

    private const string SuccessSql = """
        UPDATE staff_users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @id
        """;

    public async Task<StaffAccount?> FindAsync(string email, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(FindSql, new { email }, cancellationToken: ct)
        );
        return row is null
            ? null
            : new StaffAccount(
                new StaffMember(row.Id, row.Email, row.DisplayName, row.Role, row.DoctorId),
                row.PasswordHash,
                row.LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
                row.SessionGeneration
            );
    }

    public async Task<DateTimeOffset?> RecordFailureAsync(
        Guid id,
        int attempts,
        DateTimeOffset lockUntil,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var locked = await connection.ExecuteScalarAsync<DateTime?>(
            new CommandDefinition(
                FailureSql,
                new
                {
                    id,
                    attempts,
                    lockUntil,
                },
                cancellationToken: ct
            )
        );
        return locked is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null;
    }

    public async Task RecordSuccessAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SuccessSql, new { id }, cancellationToken: ct));
    }

    private sealed record Row(
        Guid Id,
        string Email,
        string DisplayName,
        string Role,
        Guid? DoctorId,
        string PasswordHash,
        DateTime? LockedUntil,
        int SessionGeneration
    );
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.CreateStaffUser;

internal interface IStaffUserStore
{
    /// <summary>Stores the account; a taken email (any letter case) or an unknown doctor is refused.</summary>
    Task InsertAsync(StaffMember member, string passwordHash, CancellationToken ct);

    Task<bool> AnyAdminAsync(CancellationToken ct);

    /// <summary>Stores the admin only while there is no admin at all; whether it did.</summary>
    Task<bool> InsertFirstAdminAsync(StaffMember admin, string passwordHash, CancellationToken ct);
}

internal sealed class PostgresStaffUserStore(NpgsqlDataSource db) : IStaffUserStore, IPostgresStore
{
    private const string InsertSql = """
        INSERT INTO staff_users (id, email, display_name, role, doctor_id, password_hash)
        VALUES (@Id, @Email, @DisplayName, @Role, @DoctorId, @passwordHash)
        """;

    // Two hosts starting at once may both find no admin; the email's unique index keeps one row.
    private const string InsertFirstAdminSql = """
        INSERT INTO staff_users (id, email, display_name, role, doctor_id, password_hash)
        SELECT @Id, @Email, @DisplayName, 'Admin', NULL, @passwordHash
        WHERE NOT EXISTS (SELECT 1 FROM staff_users WHERE role = 'Admin')
        ON CONFLICT DO NOTHING
        """;

    public async Task InsertAsync(StaffMember member, string passwordHash, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(
                new CommandDefinition(InsertSql, Parameters(member, passwordHash), cancellationToken: ct)
            );
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException(
                ProblemTypes.EmailTaken,
                "Email already in use",
                "Another staff account has this email address."
            );
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw Rule.Broken(nameof(StaffMember.DoctorId), "There is no such doctor.");
        }
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM staff_users WHERE role = 'Admin')",
                cancellationToken: ct
            )
        );
    }

    public async Task<bool> InsertFirstAdminAsync(StaffMember admin, string passwordHash, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.ExecuteAsync(
            new CommandDefinition(InsertFirstAdminSql, Parameters(admin, passwordHash), cancellationToken: ct)
        );
        return rows == 1;
    }

    private static DynamicParameters Parameters(StaffMember member, string passwordHash)
    {
        var parameters = new DynamicParameters(member);
        parameters.Add(nameof(passwordHash), passwordHash);
        return parameters;
    }
}

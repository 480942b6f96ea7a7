using AppointmentSlices.Features.Staff;
using Dapper;
using Mediator;
using Npgsql;

namespace AppointmentSlices.Features.FindStaffUser;

/// <summary>A staff account as it stands now, to re-check a signed-in session against; null when it is gone.</summary>
public sealed record FindStaffUserQuery(Guid Id) : IQuery<StaffUserStanding?>;

/// <summary>The member (role and doctor as they are now) and the end of a lockout, if one is running or ran.</summary>
public sealed record StaffUserStanding(StaffMember Member, DateTimeOffset? LockedUntil);

internal sealed class FindStaffUserHandler(NpgsqlDataSource db) : IQueryHandler<FindStaffUserQuery, StaffUserStanding?>
{
    private const string Sql = """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, role AS Role, doctor_id AS DoctorId,
               locked_until AS LockedUntil
        FROM staff_users WHERE id = @id
        """;

    public async ValueTask<StaffUserStanding?> Handle(FindStaffUserQuery query, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { id = query.Id }, cancellationToken: ct)
        );
        return row is null
            ? null
            : new StaffUserStanding(
                new StaffMember(row.Id, row.Email, row.DisplayName, row.Role, row.DoctorId),
                row.LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null
            );
    }

    private sealed record Row(
        Guid Id,
        string Email,
        string DisplayName,
        string Role,
        Guid? DoctorId,
        DateTime? LockedUntil
    );
}

using AppointmentSlices.Features.Common;
using Dapper;
using Mediator;
using Npgsql;

namespace AppointmentSlices.Features.ListStaffUsers;

/// <summary>Every staff account, by name: a clinic has a handful, so there is no paging.</summary>
public sealed record ListStaffUsersQuery : IQuery<IReadOnlyList<StaffUserItem>>;

public sealed record StaffUserItem(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    Guid? DoctorId,
    string? DoctorName,
    DateTime? LockedUntil
);

internal sealed class ListStaffUsersHandler(IListStaffUsersStore store)
    : IQueryHandler<ListStaffUsersQuery, IReadOnlyList<StaffUserItem>>
{
    public async ValueTask<IReadOnlyList<StaffUserItem>> Handle(ListStaffUsersQuery query, CancellationToken ct) =>
        await store.ListAsync(ct);
}

internal interface IListStaffUsersStore
{
    Task<IReadOnlyList<StaffUserItem>> ListAsync(CancellationToken ct);
}

internal sealed class PostgresListStaffUsersStore(NpgsqlDataSource db) : IListStaffUsersStore, IPostgresStore
{
    private const string Sql = """
        SELECT s.id AS Id, s.email AS Email, s.display_name AS DisplayName, s.role AS Role,
               s.doctor_id AS DoctorId, d.full_name AS DoctorName, s.locked_until AS LockedUntil
        FROM staff_users s LEFT JOIN doctors d ON d.id = s.doctor_id
        ORDER BY s.display_name, s.id
        """;

    public async Task<IReadOnlyList<StaffUserItem>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<StaffUserItem>(new CommandDefinition(Sql, cancellationToken: ct))).ToList();
    }
}

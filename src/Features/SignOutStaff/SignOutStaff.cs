using AppointmentSlices.Features.Common;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppointmentSlices.Features.SignOutStaff;

/// <summary>
/// Ends every session of a staff account: the account's session generation moves on, and a session signed in under
/// an earlier one is refused at its next check (within a minute), a copy of its cookie included.
/// </summary>
public sealed record SignOutStaffCommand(Guid StaffUserId) : ICommand;

internal sealed class SignOutStaffHandler(ISignOutStaffStore store, ILogger<SignOutStaffHandler> logger)
    : ICommandHandler<SignOutStaffCommand>
{
    public async ValueTask<Unit> Handle(SignOutStaffCommand command, CancellationToken ct)
    {
        await store.EndSessionsAsync(command.StaffUserId, ct);
        logger.LogInformation("Staff {StaffUserId} signed out", command.StaffUserId);
        return Unit.Value;
    }
}

internal interface ISignOutStaffStore
{
    /// <summary>Moves the account's session generation on; an account that is gone has no session to end.</summary>
    Task EndSessionsAsync(Guid staffUserId, CancellationToken ct);
}

internal sealed class PostgresSignOutStaffStore(NpgsqlDataSource db) : ISignOutStaffStore, IPostgresStore
{
    private const string Sql = "UPDATE staff_users SET session_generation = session_generation + 1 WHERE id = @id";

    public async Task EndSessionsAsync(Guid staffUserId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { id = staffUserId }, cancellationToken: ct));
    }
}

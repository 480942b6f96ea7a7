using AppointmentSlices.Features.Common;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppointmentSlices.Features.RevokeApiKey;

/// <summary>Stops a key from working at once. Revoking a revoked key changes nothing.</summary>
public sealed record RevokeApiKeyCommand(Guid Id, Guid? RevokedBy) : ICommand;

internal sealed class RevokeApiKeyHandler(NpgsqlDataSource db, TimeProvider clock, ILogger<RevokeApiKeyHandler> logger)
    : ICommandHandler<RevokeApiKeyCommand>
{
    private const string RevokeSql = """
        UPDATE api_keys SET revoked_at = coalesce(revoked_at, @now) WHERE id = @id
        """;

    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.ExecuteAsync(
            new CommandDefinition(RevokeSql, new { id = command.Id, now = clock.GetUtcNow() }, cancellationToken: ct)
        );
        if (rows == 0)
        {
            throw new NotFoundException("API key", command.Id);
        }

        logger.LogInformation("Revoked API key {ApiKeyId} by {StaffUserId}", command.Id, command.RevokedBy);
        return Unit.Value;
    }
}

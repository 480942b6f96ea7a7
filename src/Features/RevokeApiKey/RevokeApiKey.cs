using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.FindApiKey;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.RevokeApiKey;

/// <summary>
/// Stops a key from working: at once on this instance, and within <see cref="ApiKeyCache.Lifetime"/> on any other
/// instance of the service that used the key lately. Revoking a revoked key changes nothing.
/// </summary>
public sealed record RevokeApiKeyCommand(Guid Id, Guid? RevokedBy) : ICommand;

internal sealed class RevokeApiKeyHandler(
    IRevokeApiKeyStore store,
    ApiKeyCache cache,
    TimeProvider clock,
    ILogger<RevokeApiKeyHandler> logger
) : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken ct)
    {
        if (!await store.RevokeAsync(command.Id, clock.GetUtcNow(), ct))
        {
            throw new NotFoundException("API key", command.Id);
        }

        cache.Clear();
        logger.LogInformation("Revoked API key {ApiKeyId} by {StaffUserId}", command.Id, command.RevokedBy);
        return Unit.Value;
    }
}

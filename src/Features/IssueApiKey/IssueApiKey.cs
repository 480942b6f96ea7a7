using AppointmentSlices.Features.Common;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.IssueApiKey;

/// <summary>
/// A new key for an integrator to send in <c>X-Api-Key</c>. The key is in the answer this once; only its SHA-256
/// is stored, as for a patient's manage link.
/// </summary>
public sealed record IssueApiKeyCommand(string Name, Guid? IssuedBy) : ICommand<IssuedApiKey>;

public sealed record IssuedApiKey(Guid Id, string Name, string Key);

internal sealed class IssueApiKeyValidator : AbstractValidator<IssueApiKeyCommand>
{
    public IssueApiKeyValidator() =>
        RuleFor(c => c.Name)
            .NotEmpty()
            .MaximumLength(100)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'Name' must not contain control characters.");
}

internal sealed class IssueApiKeyHandler(
    IIssueApiKeyStore store,
    TimeProvider clock,
    ILogger<IssueApiKeyHandler> logger
) : ICommandHandler<IssueApiKeyCommand, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(IssueApiKeyCommand command, CancellationToken ct)
    {
        var key = new IssuedApiKey(Guid.CreateVersion7(), command.Name.Trim(), ManageToken.Create());
        var stored = new NewApiKey(key.Id, key.Name, ManageToken.Hash(key.Key), command.IssuedBy, clock.GetUtcNow());
        await store.InsertAsync(stored, ct);
        logger.LogInformation("Issued API key {ApiKeyId} by {StaffUserId}", key.Id, command.IssuedBy);
        return key;
    }
}

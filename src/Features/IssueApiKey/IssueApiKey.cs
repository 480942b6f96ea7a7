using AppointmentSlices.Features.Common;
using Dapper;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using Npgsql;

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

internal sealed class IssueApiKeyHandler(NpgsqlDataSource db, TimeProvider clock, ILogger<IssueApiKeyHandler> logger)
    : ICommandHandler<IssueApiKeyCommand, IssuedApiKey>
{
    private const string InsertSql = """
        INSERT INTO api_keys (id, name, key_hash, created_by, created_at)
        VALUES (@id, @name, @keyHash, @issuedBy, @now)
        """;

    public async ValueTask<IssuedApiKey> Handle(IssueApiKeyCommand command, CancellationToken ct)
    {
        var key = new IssuedApiKey(Guid.CreateVersion7(), command.Name.Trim(), ManageToken.Create());
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = new
        {
            id = key.Id,
            name = key.Name,
            keyHash = ManageToken.Hash(key.Key),
            issuedBy = command.IssuedBy,
            now = clock.GetUtcNow(),
        };
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: ct));
        logger.LogInformation("Issued API key {ApiKeyId} by {StaffUserId}", key.Id, command.IssuedBy);
        return key;
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetAppointment;
using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;

namespace AppointmentSlices.Features.FindAppointmentByToken;

/// <summary>
/// The appointment a patient's manage link names. A token that is not a token's shape is a validation error;
/// one that names no appointment is not found. There is no API route: the link is for the patient's own pages.
/// </summary>
public sealed record FindAppointmentByTokenQuery(string Token) : IQuery<AppointmentDetails>;

internal sealed class FindAppointmentByTokenValidator : AbstractValidator<FindAppointmentByTokenQuery>
{
    public FindAppointmentByTokenValidator() =>
        RuleFor(q => q.Token).Must(ManageToken.IsWellFormed).WithMessage("This is not a link to an appointment.");
}

internal sealed class FindAppointmentByTokenHandler(
    IFindAppointmentByTokenStore store,
    IGetAppointmentStore appointments
) : IQueryHandler<FindAppointmentByTokenQuery, AppointmentDetails>
{
    public async ValueTask<AppointmentDetails> Handle(FindAppointmentByTokenQuery query, CancellationToken ct)
    {
        var id = await store.FindIdAsync(ManageToken.Hash(query.Token), ct);
        var appointment = id is null ? null : await appointments.FindAsync(id.Value, ct);
        return appointment ?? throw new NotFoundException("appointment", "No appointment has this link.");
    }
}

internal interface IFindAppointmentByTokenStore
{
    Task<Guid?> FindIdAsync(byte[] tokenHash, CancellationToken ct);
}

internal sealed class PostgresFindAppointmentByTokenStore(NpgsqlDataSource db)
    : IFindAppointmentByTokenStore,
        IPostgresStore
{
    private const string Sql = "SELECT id FROM appointments WHERE manage_token_hash = @tokenHash";

    public async Task<Guid?> FindIdAsync(byte[] tokenHash, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid?>(
            new CommandDefinition(Sql, new { tokenHash }, cancellationToken: ct)
        );
    }
}

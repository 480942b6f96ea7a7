using System.Text.Json.Serialization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.UpdatePatient;

/// <summary>
/// Replaces a patient's own details. An erased patient can no longer be changed. <c>Actor</c> says who changes
/// them, for the audit log (the API by default).
/// </summary>
public sealed record UpdatePatientCommand(
    Guid PatientId,
    string FullName,
    string Email,
    string Phone,
    [property: JsonIgnore] Actor? Actor = null
) : ICommand<PatientDetails>;

/// <summary>The body of <c>PUT /api/patients/{id}</c>.</summary>
public sealed record PatientChanges(string FullName, string Email, string Phone);

internal sealed class UpdatePatientValidator : AbstractValidator<UpdatePatientCommand>
{
    public UpdatePatientValidator()
    {
        RuleFor(c => c.FullName).IsPatientName();
        RuleFor(c => c.Email).IsPatientEmail();
        RuleFor(c => c.Phone).IsPatientPhone();
    }
}

internal sealed class UpdatePatientHandler(
    IUpdatePatientStore store,
    TimeProvider clock,
    ILogger<UpdatePatientHandler> logger
) : ICommandHandler<UpdatePatientCommand, PatientDetails>
{
    public async ValueTask<PatientDetails> Handle(UpdatePatientCommand command, CancellationToken ct)
    {
        var changes = new PatientChanges(
            TextRules.Tidy(command.FullName),
            TextRules.Tidy(command.Email),
            TextRules.Tidy(command.Phone)
        );
        var actor = command.Actor ?? Actor.Api;
        var updated = await store.UpdateAsync(command.PatientId, changes, actor, clock.GetUtcNow(), ct);
        if (updated is not null)
        {
            logger.LogInformation("Updated patient {PatientId}", command.PatientId);
            return updated;
        }

        // Only a missing or an erased patient is skipped by the update; erasure is final, so this look agrees.
        if (await store.IsErasedAsync(command.PatientId, ct) is null)
        {
            throw new NotFoundException("patient", command.PatientId);
        }

        throw new ConflictException(
            ProblemTypes.StatusConflict,
            "The patient has been erased",
            "This patient's details were erased on their request and can no longer be changed; "
                + "register them as a new patient if they come back."
        );
    }
}

using System.Text.Json.Serialization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.RegisterPatient;

/// <summary>
/// Registers a patient. The email must not belong to another patient, in any letter case. <c>Actor</c> says who
/// registers them, for the audit log: the API by default, never taken from the request body.
/// </summary>
public sealed record RegisterPatientCommand(
    string FullName,
    string Email,
    string Phone,
    [property: JsonIgnore] Actor? Actor = null
) : ICommand<PatientDetails>;

internal sealed class RegisterPatientValidator : AbstractValidator<RegisterPatientCommand>
{
    public RegisterPatientValidator()
    {
        RuleFor(c => c.FullName).IsPatientName();
        RuleFor(c => c.Email).IsPatientEmail();
        RuleFor(c => c.Phone).IsPatientPhone();
    }
}

internal sealed class RegisterPatientHandler(
    IRegisterPatientStore store,
    TimeProvider clock,
    ILogger<RegisterPatientHandler> logger
) : ICommandHandler<RegisterPatientCommand, PatientDetails>
{
    public async ValueTask<PatientDetails> Handle(RegisterPatientCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var patient = new PatientDetails(
            Guid.CreateVersion7(),
            TextRules.Tidy(command.FullName),
            TextRules.Tidy(command.Email),
            TextRules.Tidy(command.Phone),
            now,
            now,
            null
        );

        await store.InsertAsync(patient, command.Actor ?? Actor.Api, ct);
        logger.LogInformation("Registered patient {PatientId}", patient.Id);
        return patient;
    }
}

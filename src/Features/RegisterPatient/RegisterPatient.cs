using AppointmentSlices.Features.Patients;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.RegisterPatient;

/// <summary>Registers a patient. The email must not belong to another patient, in any letter case.</summary>
public sealed record RegisterPatientCommand(string FullName, string Email, string Phone) : ICommand<PatientDetails>;

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
            command.FullName.Trim(),
            command.Email.Trim(),
            command.Phone.Trim(),
            now,
            now,
            null
        );

        await store.InsertAsync(patient, ct);
        logger.LogInformation("Registered patient {PatientId}", patient.Id);
        return patient;
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.CreateStaffUser;

/// <summary>
/// An admin opens an account for a receptionist, or for a doctor (tied to that doctor's record). Admins other than
/// the first come the same way as the first: from configuration.
/// </summary>
public sealed record CreateStaffUserCommand(
    string Email,
    string DisplayName,
    string Role,
    Guid? DoctorId,
    string Password
) : ICommand<Guid>;

internal sealed class CreateStaffUserValidator : AbstractValidator<CreateStaffUserCommand>
{
    public CreateStaffUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.DisplayName)
            .NotEmpty()
            .MaximumLength(200)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'Display Name' must not contain control characters.");
        RuleFor(c => c.Role)
            .Must(role => role is StaffRoles.Receptionist or StaffRoles.Doctor)
            .WithMessage("'Role' must be Receptionist or Doctor.");
        RuleFor(c => c.DoctorId)
            .NotEmpty()
            .When(c => c.Role == StaffRoles.Doctor)
            .WithMessage("Choose the doctor this account belongs to.");
        RuleFor(c => c.DoctorId)
            .Empty()
            .When(c => c.Role != StaffRoles.Doctor)
            .WithMessage("Only a doctor's account belongs to a doctor.");
        RuleFor(c => c.Password)
            .MinimumLength(StaffPasswords.MinimumLength)
            .MaximumLength(200)
            .WithMessage($"'Password' must be {StaffPasswords.MinimumLength} to 200 characters long.");
    }
}

internal sealed class CreateStaffUserHandler(
    IStaffUserStore store,
    StaffPasswords passwords,
    ILogger<CreateStaffUserHandler> logger
) : ICommandHandler<CreateStaffUserCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreateStaffUserCommand command, CancellationToken ct)
    {
        var member = new StaffMember(
            Guid.CreateVersion7(),
            command.Email.Trim(),
            command.DisplayName.Trim(),
            command.Role,
            command.DoctorId
        );
        await store.InsertAsync(member, passwords.Hash(command.Password), ct);
        logger.LogInformation("Created staff account {StaffUserId} as {Role}", member.Id, member.Role);
        return member.Id;
    }
}

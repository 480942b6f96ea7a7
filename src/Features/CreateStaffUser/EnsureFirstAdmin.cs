using AppointmentSlices.Features.Staff;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.CreateStaffUser;

/// <summary>Creates the first admin at start-up, when there is no admin yet; otherwise changes nothing.</summary>
public sealed record EnsureFirstAdminCommand(string Email, string Password) : ICommand<bool>;

internal sealed class EnsureFirstAdminHandler(
    IStaffUserStore store,
    StaffPasswords passwords,
    ILogger<EnsureFirstAdminHandler> logger
) : ICommandHandler<EnsureFirstAdminCommand, bool>
{
    public async ValueTask<bool> Handle(EnsureFirstAdminCommand command, CancellationToken ct)
    {
        if (await store.AnyAdminAsync(ct))
        {
            return false; // the usual start: no password hashed for nothing
        }

        var admin = new StaffMember(
            Guid.CreateVersion7(),
            command.Email.Trim(),
            "Administrator",
            StaffRoles.Admin,
            null
        );
        var created = await store.InsertFirstAdminAsync(admin, passwords.Hash(command.Password), ct);
        if (created)
        {
            logger.LogInformation("Created the first admin account {StaffUserId}", admin.Id);
        }

        return created;
    }
}

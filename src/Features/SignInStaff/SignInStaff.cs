using AppointmentSlices.Features.Staff;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Features.SignInStaff;

/// <summary>
/// Checks a staff member's email and password. After <see cref="StaffOptions.LockoutAttempts"/> failures in a row
/// the account is locked for <see cref="StaffOptions.LockoutDuration"/>, and while locked even the right password
/// is refused.
/// </summary>
public sealed record SignInStaffCommand(string Email, string Password) : ICommand<SignInResult>;

/// <summary>
/// The member on success, with the session generation the session is signed in under; <c>LockedUntil</c> when the
/// account is locked; neither for wrong credentials.
/// </summary>
public sealed record SignInResult(StaffMember? Member, DateTimeOffset? LockedUntil, int SessionGeneration = 0)
{
    public static readonly SignInResult Refused = new(null, null);

    public bool Succeeded => Member is not null;
}

internal sealed class SignInStaffHandler(
    ISignInStaffStore store,
    StaffPasswords passwords,
    IOptions<StaffOptions> options,
    TimeProvider clock,
    ILogger<SignInStaffHandler> logger
) : ICommandHandler<SignInStaffCommand, SignInResult>
{
    public async ValueTask<SignInResult> Handle(SignInStaffCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await store.FindAsync(command.Email.Trim(), ct);
        if (account is null)
        {
            // As slow as a real check, so the answer's timing does not tell which emails have accounts.
            passwords.Verify(passwords.Unusable, command.Password);
            logger.LogWarning("Staff sign-in refused: no such account");
            return SignInResult.Refused;
        }

        if (account.LockedUntil > now)
        {
            logger.LogWarning("Staff sign-in refused for {StaffUserId}: locked out", account.Member.Id);
            return new SignInResult(null, account.LockedUntil);
        }

        if (!passwords.Verify(account.PasswordHash, command.Password))
        {
            var lockout = options.Value;
            var lockedUntil = await store.RecordFailureAsync(
                account.Member.Id,
                lockout.LockoutAttempts,
                now + lockout.LockoutDuration,
                ct
            );
            logger.LogWarning(
                "Staff sign-in refused for {StaffUserId}: wrong password{LockedOut}",
                account.Member.Id,
                lockedUntil is null ? "" : ", now locked out"
            );
            return new SignInResult(null, lockedUntil);
        }

        await store.RecordSuccessAsync(account.Member.Id, ct);
        logger.LogInformation("Staff {StaffUserId} signed in as {Role}", account.Member.Id, account.Member.Role);
        return new SignInResult(account.Member, null, account.SessionGeneration);
    }
}

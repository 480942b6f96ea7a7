using Microsoft.AspNetCore.Identity;

namespace AppointmentSlices.Features.Staff;

/// <summary>
/// Staff passwords, hashed with ASP.NET Core Identity's PBKDF2 hasher; the password itself is never kept.
/// </summary>
public sealed class StaffPasswords(IPasswordHasher<StaffMember> hasher)
{
    public const int MinimumLength = 12;

    private readonly Lazy<string> _unusable = new(() => hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>A hash no password matches, to check against when there is no account.</summary>
    public string Unusable => _unusable.Value;

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(null!, hash, password) is not PasswordVerificationResult.Failed;
}

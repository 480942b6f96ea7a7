using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AppointmentSlices.Features.Common;

/// <summary>
/// The secret in a patient's link for managing a booking: 32 random bytes as URL-safe text. Only its SHA-256 is
/// stored, so the database alone never yields a working link.
/// </summary>
public static class ManageToken
{
    /// <summary>The length of a token: 32 bytes in unpadded base64url.</summary>
    public const int Length = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored for a token and looked up by, the same for booking and for finding.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether the text could be a token at all; anything else is not worth a database query.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

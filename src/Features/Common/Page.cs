using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AppointmentSlices.Features.Common;

/// <summary>One page of a list, and the cursor that fetches the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public const string ForeignCursor =
        "The cursor is not one this list returned with these filters; start again without it.";

    private const int TagLength = 8;

    /// <summary>
    /// Names a list and the filters it was asked with, for <see cref="EncodeCursor"/>: a cursor works only on the
    /// list and filters that returned it, and elsewhere is refused rather than read as a position in another order.
    /// </summary>
    public static string Scope(string list, params object?[] filters) =>
        string.Join('\u001f', [list, .. filters.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture) ?? "")]);

    /// <summary>
    /// A keyset cursor: the sort key and id of the last row a page returned, as opaque URL-safe text, with a tag of
    /// the list's scope. Keyset paging neither repeats nor skips rows when others insert, and stays fast at depth.
    /// </summary>
    public static string EncodeCursor(string scope, string sortKey, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Tag(scope)}{id:N}{sortKey}"));

    public static bool TryDecodeCursor(string? cursor, string scope, out string sortKey, out Guid id)
    {
        sortKey = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1024 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        if (
            text.Length < TagLength + 32
            || !text.StartsWith(Tag(scope), StringComparison.Ordinal)
            || !Guid.TryParseExact(text.AsSpan(TagLength, 32), "N", out id)
        )
        {
            return false;
        }

        sortKey = text[(TagLength + 32)..];
        return sortKey.Length <= 400 && TextRules.HasNoControlCharacters(sortKey);
    }

    // Not a secret, only a mark of where the cursor came from: the first four bytes of the scope's SHA-256.
    private static string Tag(string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)).AsSpan(0, TagLength / 2));
}

using System.Buffers.Text;
using System.Text;

namespace AppointmentSlices.Features.Common;

/// <summary>One page of a list, and the cursor that fetches the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// A keyset cursor: the sort key and id of the last row a page returned, as opaque URL-safe text.
    /// Keyset paging neither repeats nor skips rows when others insert, and stays fast at depth.
    /// </summary>
    public static string EncodeCursor(string sortKey, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{id:N}{sortKey}"));

    public static bool TryDecodeCursor(string? cursor, out string sortKey, out Guid id)
    {
        sortKey = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1024 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        if (text.Length < 32 || !Guid.TryParseExact(text.AsSpan(0, 32), "N", out id))
        {
            return false;
        }

        sortKey = text[32..];
        return sortKey.Length <= 400 && TextRules.HasNoControlCharacters(sortKey);
    }
}

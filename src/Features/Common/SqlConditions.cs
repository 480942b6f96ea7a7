namespace AppointmentSlices.Features.Common;

/// <summary>
/// The WHERE of a list query, made of the conditions for the filters a request uses. Each combination is a
/// statement text of its own, so PostgreSQL keeps one prepared, generic plan per combination; an
/// "(@x IS NULL OR …)" statement would need planning anew on every call to fold away the unused filters.
/// The conditions are the stores' constants; values are always bound as parameters.
/// </summary>
internal static class SqlConditions
{
    public static string Where(params ReadOnlySpan<string?> conditions)
    {
        var used = new List<string>(conditions.Length);
        foreach (var condition in conditions)
        {
            if (condition is not null)
            {
                used.Add(condition);
            }
        }

        return used.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", used);
    }
}

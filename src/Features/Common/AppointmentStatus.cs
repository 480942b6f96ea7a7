namespace AppointmentSlices.Features.Common;

/// <summary>The states of an appointment, spelled as they are stored and as the API sends them.</summary>
public static class AppointmentStatus
{
    public const string Scheduled = "Scheduled";
    public const string Cancelled = "Cancelled";
    public const string Completed = "Completed";
    public const string NoShow = "NoShow";

    public static readonly IReadOnlyList<string> All = [Scheduled, Cancelled, Completed, NoShow];

    /// <summary>The status a client named, in any letter case, or null when the text names none.</summary>
    public static string? Find(string? text) =>
        All.FirstOrDefault(status => string.Equals(status, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}

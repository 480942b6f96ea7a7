namespace AppointmentSlices.Bench.Data;

/// <summary>How big a clinic the study loads: doctors, patients, and appointments over two years.</summary>
public sealed record BenchScale(string Name, int Doctors, int Patients, int Appointments)
{
    public static readonly BenchScale Small = new("small", 50, 5_000, 50_000);
    public static readonly BenchScale Standard = new("standard", 500, 100_000, 1_000_000);
    public static readonly BenchScale Large = new("large", 2_000, 500_000, 5_000_000);

    public static BenchScale Parse(string name) =>
        name.ToLowerInvariant() switch
        {
            "small" => Small,
            "standard" => Standard,
            "large" => Large,
            _ => throw new FormatException($"Unknown scale '{name}': use small, standard or large."),
        };
}

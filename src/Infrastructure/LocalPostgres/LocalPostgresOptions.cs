namespace AppointmentSlices.Infrastructure.LocalPostgres;

/// <summary>Where and how the private local PostgreSQL cluster lives.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>The cluster's data folder; null means the per-user (or, as root, system) default.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The database the connection string names. It may not exist yet: the migrator creates it.</summary>
    public string Database { get; init; } = "appointment_slices";

    /// <summary>The folder holding pg_ctl, initdb and postgres; null means search for them.</summary>
    public string? BinDirectory { get; init; }
}

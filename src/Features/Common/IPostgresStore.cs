namespace AppointmentSlices.Features.Common;

/// <summary>
/// Marks a slice's store written for PostgreSQL. Registration scans for it, so a slice's store
/// is found without being listed anywhere.
/// </summary>
public interface IPostgresStore;

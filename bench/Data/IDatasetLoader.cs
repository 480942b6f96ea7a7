namespace AppointmentSlices.Bench.Data;

/// <summary>
/// Puts a generated clinic into one database. PostgreSQL loads with binary COPY; a MongoDB loader would write the
/// same rows with batched InsertMany into <c>doctors</c> (hours and time off embedded), <c>patients</c> and
/// <c>appointments</c>.
/// </summary>
public interface IDatasetLoader
{
    /// <summary>
    /// Writes every row, reporting the number written so far; the target must be empty. Returns how long each
    /// phase took, in order.
    /// </summary>
    Task<IReadOnlyList<LoadPhase>> LoadAsync(ClinicDataset data, IProgress<long> rowsWritten, CancellationToken ct);
}

public sealed record LoadPhase(string Name, double Seconds);

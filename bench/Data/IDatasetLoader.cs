namespace AppointmentSlices.Bench.Data;

/// <summary>
/// Puts a generated clinic into one database: <see cref="PostgresLoader"/> with binary COPY,
/// <see cref="MongoLoader"/> with batched InsertMany (documents rather than rows, slot claims included).
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

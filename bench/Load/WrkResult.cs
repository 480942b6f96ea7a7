namespace AppointmentSlices.Bench.Load;

/// <summary>What wrk measured for one endpoint; latencies in microseconds, as wrk reports them.</summary>
public sealed record WrkResult(
    long Requests,
    long DurationUs,
    long Bytes,
    long ConnectErrors,
    long ReadErrors,
    long WriteErrors,
    long StatusErrors,
    long Timeouts,
    double MeanUs,
    long MaxUs,
    long P50Us,
    long P90Us,
    long P99Us,
    long P999Us,
    Dictionary<string, long> Statuses
)
{
    public double RequestsPerSecond => DurationUs == 0 ? 0 : Requests / (DurationUs / 1e6);

    public long Success => Statuses.Where(s => s.Key.StartsWith('2')).Sum(s => s.Value);

    public long Conflicts => Statuses.GetValueOrDefault("409");

    /// <summary>Answers that were neither 2xx nor, for a booking, the 409 of a slot someone else took.</summary>
    public long Non2xx => Statuses.Where(s => !s.Key.StartsWith('2')).Sum(s => s.Value);

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors;
}

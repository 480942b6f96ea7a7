using System.Diagnostics;

namespace AppointmentSlices.Web.Observability;

/// <summary>
/// Sums the durations of the database drivers' activities into the request that ran them: Npgsql's, one per
/// command, and the MongoDB driver's outermost ones (its operations hold the commands they send). The running
/// total lives in an <see cref="AsyncLocal{T}"/> the request sets, so a command run on another request's flow,
/// or by another host in the same process, is never counted here.
/// </summary>
public sealed class DatabaseTime : IDisposable
{
    private const string NpgsqlSource = "Npgsql";
    private const string MongoSource = "MongoDB.Driver";

    private readonly AsyncLocal<Stopwatch?> _current = new();
    private readonly ActivityListener _listener;

    public DatabaseTime()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is NpgsqlSource or MongoSource,
            // Enough for the drivers to create their activities; whether they are recorded stays OpenTelemetry's.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = activity =>
            {
                if (activity.Parent?.Source.Name != MongoSource)
                {
                    _current.Value?.Add(activity.Duration);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts counting for the calling flow; the commands it runs from now on add to the result.</summary>
    public Stopwatch Start() => _current.Value = new Stopwatch();

    public void Dispose() => _listener.Dispose();

    /// <summary>Thread-safe, since one request may run commands concurrently.</summary>
    public sealed class Stopwatch
    {
        private long _ticks;

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        internal void Add(TimeSpan duration) => Interlocked.Add(ref _ticks, duration.Ticks);
    }
}

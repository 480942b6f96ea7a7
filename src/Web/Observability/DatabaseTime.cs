using System.Diagnostics;

namespace AppointmentSlices.Web.Observability;

/// <summary>
/// Sums the durations of Npgsql's activities (one per command) into the request that ran them. The running
/// total lives in an <see cref="AsyncLocal{T}"/> the request sets, so a command run on another request's flow,
/// or by another host in the same process, is never counted here.
/// </summary>
public sealed class DatabaseTime : IDisposable
{
    private const string NpgsqlSource = "Npgsql";

    private readonly AsyncLocal<Stopwatch?> _current = new();
    private readonly ActivityListener _listener;

    public DatabaseTime()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NpgsqlSource,
            // Enough for Npgsql to create its activity; whether it is recorded stays OpenTelemetry's choice.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = activity => _current.Value?.Add(activity.Duration),
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

using System.Diagnostics.Metrics;

namespace AppointmentSlices.Web.Observability;

/// <summary>The service's own instruments, on the meter <c>AppointmentSlices</c>.</summary>
public sealed class RequestMetrics
{
    public const string MeterName = "AppointmentSlices";
    public const string RequestDuration = "appointment_slices.request.duration";

    private readonly Histogram<double> _duration;

    public RequestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>(
            RequestDuration,
            unit: "s",
            description: "Time to answer a request, by route template, method and status."
        );
    }

    public void Record(TimeSpan elapsed, string route, string method, int status) =>
        _duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("http.route", route),
            new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("http.response.status_code", status)
        );
}

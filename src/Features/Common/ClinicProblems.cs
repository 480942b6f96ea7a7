using FluentValidation;
using FluentValidation.Results;

namespace AppointmentSlices.Features.Common;

/// <summary>
/// The stable problem <c>type</c> values the API answers with. Clients may switch on them;
/// they never change once published.
/// </summary>
public static class ProblemTypes
{
    public const string Validation = "/problems/validation";
    public const string MalformedRequest = "/problems/malformed-request";
    public const string TooLarge = "/problems/too-large";
    public const string MethodNotAllowed = "/problems/method-not-allowed";
    public const string NotFound = "/problems/not-found";
    public const string Unauthorized = "/problems/unauthorized";
    public const string Forbidden = "/problems/forbidden";
    public const string SlotTaken = "/problems/slot-taken";
    public const string PatientBusy = "/problems/patient-busy";
    public const string StatusConflict = "/problems/status-conflict";
    public const string AppointmentsAffected = "/problems/appointments-affected";
    public const string DoctorHasAppointments = "/problems/doctor-has-appointments";
    public const string EmailTaken = "/problems/email-taken";
    public const string RateLimited = "/problems/rate-limited";
    public const string Unexpected = "/problems/unexpected";
}

/// <summary>A resource the request names does not exist (404).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string resource, Guid id)
        : this(resource, $"No {resource} with id {id}.") { }

    /// <summary>For a resource named by something other than its id, such as a manage link.</summary>
    public NotFoundException(string resource, string message)
        : base(message) => Resource = resource;

    public string Resource { get; }
}

/// <summary>
/// The request is valid but clashes with the clinic's current state (409). Extensions travel into the problem
/// details, e.g. the appointments a schedule change would affect.
/// </summary>
public sealed class ConflictException(
    string type,
    string title,
    string detail,
    IReadOnlyDictionary<string, object?>? extensions = null
) : Exception(detail)
{
    public string Type { get; } = type;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

public static class Rule
{
    /// <summary>A rule only the handler can check (it needs the database), answered as a validation error.</summary>
    public static ValidationException Broken(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}

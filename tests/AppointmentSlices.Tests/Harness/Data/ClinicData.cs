using AppointmentSlices.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AppointmentSlices.Tests.Harness.Data;

/// <summary>A doctor as a test describes them; hours are "HH:mm" and time off is wall-clock time in the zone.</summary>
public sealed record DoctorSpec(
    Guid Id,
    string FullName,
    string Specialty,
    string TimeZone,
    int SlotMinutes,
    bool IsActive,
    IReadOnlyList<(DayOfWeek Day, string Starts, string Ends)> Hours,
    IReadOnlyList<(DateTime Starts, DateTime Ends)> TimeOff
);

/// <summary>An appointment as stored, read straight from the database.</summary>
public sealed record StoredAppointment(
    Guid Id,
    string Status,
    DateTime StartsAt,
    DateTime EndsAt,
    string? CancellationReason,
    byte[]? ManageTokenHash
);

/// <summary>One event of an appointment's history as stored.</summary>
public sealed record StoredEvent(
    string Kind,
    string Status,
    string Actor,
    DateTime StartsAt,
    DateTime EndsAt,
    string? Note
);

/// <summary>
/// What tests put straight into the provider's database and read back from it, around the product: rows the API
/// would refuse (past appointments, any status), staff and keys, counts. One implementation per provider.
/// </summary>
public abstract partial class ClinicData
{
    public const string Password = "a-test-staff-password";

    /// <summary>Hashed once, with few iterations, so signing in costs a test little.</summary>
    protected static readonly string PasswordHash = new PasswordHasher<StaffMember>(
        Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })
    ).HashPassword(null!, Password);

    /// <summary>Empties every table or collection.</summary>
    public abstract Task ResetAsync();

    /// <summary>A staff account with <see cref="Password"/>; returns its email.</summary>
    public abstract Task<string> AddStaffAsync(string role = StaffRoles.Admin, Guid? doctorId = null);

    /// <summary>How the history and the audit log name a staff member's changes: <c>staff:&lt;id&gt;</c>.</summary>
    public abstract Task<string> StaffActorAsync(string email);

    /// <summary>An API key as an admin would issue it; returns the key itself.</summary>
    public abstract Task<string> AddApiKeyAsync(string name = "Test integrator");

    /// <summary>How the history and the audit log name a key's requests: <c>apikey:&lt;id&gt;</c>.</summary>
    public abstract Task<string> ApiKeyActorAsync(string key);

    public abstract Task InsertDoctorAsync(DoctorSpec doctor);

    public abstract Task InsertPatientAsync(Guid id, string fullName, string email, string phone);

    /// <summary>An appointment at any time and in any status, without history (booking refuses the past).</summary>
    public abstract Task InsertAppointmentAsync(
        Guid id,
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string status
    );

    public abstract Task<StoredAppointment> ReadAppointmentAsync(Guid id);

    /// <summary>The appointment's history, oldest first.</summary>
    public abstract Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid id);

    public abstract Task<long> CountAppointmentsAsync();

    public abstract Task<long> CountPatientsAsync();
}

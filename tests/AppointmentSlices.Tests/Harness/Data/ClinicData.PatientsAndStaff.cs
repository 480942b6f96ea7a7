namespace AppointmentSlices.Tests.Harness.Data;

/// <summary>An appointment's stored free text and link, as erasure leaves them.</summary>
public sealed record StoredAppointmentText(
    string Status,
    string Reason,
    string? CancellationReason,
    byte[]? ManageTokenHash
);

/// <summary>A patient as stored, erased or not.</summary>
public sealed record StoredPatient(string FullName, string Email, string Phone, DateTime? ErasedAt, DateTime UpdatedAt);

public abstract partial class ClinicData
{
    /// <summary>A patient's appointment with its free text, at any time and in any status, without history.</summary>
    public abstract Task<Guid> InsertPatientAppointmentAsync(
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        string status,
        string reason,
        string? cancellationReason
    );

    public abstract Task<StoredAppointmentText> ReadAppointmentTextAsync(Guid id);

    public abstract Task<StoredPatient> ReadPatientAsync(Guid id);

    public abstract Task LockStaffUntilAsync(string email, DateTimeOffset until);

    public abstract Task SetStaffRoleAsync(string email, string role);

    public abstract Task DeleteStaffAsync(string email);

    /// <summary>How many rows (documents) each table (collection) holds.</summary>
    public abstract Task<IReadOnlyDictionary<string, long>> CountAllAsync();

    public abstract Task<IReadOnlyList<Guid>> AppointmentIdsAsync();

    /// <summary>The id of one stored time off, whichever doctor's.</summary>
    public abstract Task<Guid> AnyTimeOffIdAsync();
}

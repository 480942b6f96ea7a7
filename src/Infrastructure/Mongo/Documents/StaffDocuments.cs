namespace AppointmentSlices.Infrastructure.Mongo.Documents;

/// <summary>A staff account (<c>staff_users</c>).</summary>
public sealed class StaffUserDocument
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    /// <summary>The email lower-cased; unique.</summary>
    public string EmailKey { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = "";

    public Guid? DoctorId { get; set; }

    public string PasswordHash { get; set; } = "";

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>Moved on by signing out: sessions signed in under an earlier number end.</summary>
    public int SessionGeneration { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>An integrator's API key (<c>api_keys</c>); only the key's SHA-256 is stored.</summary>
public sealed class ApiKeyDocument
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public byte[] KeyHash { get; set; } = [];

    public Guid? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>One change to an appointment or a patient (<c>audit_log</c>): field names, never values.</summary>
public sealed class AuditEntryDocument
{
    public Guid Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public string Actor { get; set; } = "";

    public string Entity { get; set; } = "";

    public Guid EntityId { get; set; }

    public string Action { get; set; } = "";

    public List<string> ChangedFields { get; set; } = [];
}

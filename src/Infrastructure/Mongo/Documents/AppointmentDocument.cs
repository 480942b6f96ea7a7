using MongoDB.Bson.Serialization.Attributes;

namespace AppointmentSlices.Infrastructure.Mongo.Documents;

/// <summary>An appointment in the <c>appointments</c> collection; the slot it holds is in <c>slot_claims</c>.</summary>
public sealed class AppointmentDocument
{
    public Guid Id { get; set; }

    public Guid DoctorId { get; set; }

    public Guid PatientId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string Status { get; set; } = "";

    public string Reason { get; set; } = "";

    /// <summary>Left out of the document when there is no link, so the unique index only holds real hashes.</summary>
    [BsonIgnoreIfNull]
    public byte[]? ManageTokenHash { get; set; }

    public string? CancellationReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One change in an appointment's history (<c>appointment_events</c>).</summary>
public sealed class AppointmentEventDocument
{
    public Guid Id { get; set; }

    public Guid AppointmentId { get; set; }

    /// <summary>0 for the booking, then one more per change; unique per appointment, so it orders the history.</summary>
    public int Sequence { get; set; }

    public DateTime OccurredAt { get; set; }

    public string Kind { get; set; } = "";

    public string Status { get; set; } = "";

    public string Actor { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// One five-minute unit of a doctor's or a patient's time that an active appointment holds (<c>slot_claims</c>).
/// The id is the owner and the unit, so the unique <c>_id</c> index refuses a second claim on it.
/// </summary>
public sealed class SlotClaimDocument
{
    public string Id { get; set; } = "";

    public Guid AppointmentId { get; set; }
}

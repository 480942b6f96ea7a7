namespace AppointmentSlices.Infrastructure.Mongo.Documents;

/// <summary>A doctor in the <c>doctors</c> collection, with the weekly hours and time off embedded.</summary>
public sealed class DoctorDocument
{
    public Guid Id { get; set; }

    public string FullName { get; set; } = "";

    public string Specialty { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public int SlotMinutes { get; set; }

    public bool IsActive { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The name lower-cased without accents (see <see cref="SearchText"/>), for search and sorting.</summary>
    public string SearchName { get; set; } = "";

    public string SearchSpecialty { get; set; } = "";

    public List<WorkingHoursDocument> WorkingHours { get; set; } = [];

    public List<TimeOffDocument> TimeOff { get; set; } = [];

    /// <summary>
    /// Counted up by every booking and move of this doctor's appointments and by every schedule change, inside
    /// their transactions. Two transactions that write one document conflict, so a booking can't commit against a
    /// schedule that changed under it. (An increment always changes the document; setting a value it already has
    /// would not, and would not conflict.)
    /// </summary>
    public long Touches { get; set; }
}

/// <summary>A working interval: minutes since midnight in the doctor's zone; an end of 1440 is midnight.</summary>
public sealed class WorkingHoursDocument
{
    public int Day { get; set; }

    public int StartsMinute { get; set; }

    public int EndsMinute { get; set; }
}

/// <summary>
/// Leave as wall-clock date-times in the doctor's zone. BSON dates have no "unspecified" kind, so the wall-clock
/// value is stored as if it were UTC; <see cref="WallClockDates"/> converts both ways.
/// </summary>
public sealed class TimeOffDocument
{
    public Guid Id { get; set; }

    public DateTime Starts { get; set; }

    public DateTime Ends { get; set; }

    public string? Reason { get; set; }
}

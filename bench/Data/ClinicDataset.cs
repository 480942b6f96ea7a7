namespace AppointmentSlices.Bench.Data;

public sealed record BenchDoctor(Guid Id, string FullName, string Specialty, int LeaveFromDay, int LeaveToDay);

public sealed record BenchPatient(Guid Id, string FullName, string Email, string Phone, DateTimeOffset CreatedAt);

/// <summary>One appointment, kept small: indexes into the doctor and patient lists and a slot on the calendar.</summary>
public readonly record struct BenchAppointment(
    Guid Id,
    int Doctor,
    int Patient,
    int Day,
    int Slot,
    string Status,
    string Reason,
    DateTimeOffset CreatedAt
);

/// <summary>A free future slot kept for the booking load, with a patient who is free at that time.</summary>
public readonly record struct FreeSlot(int Doctor, int Patient, int Day, int Slot);

/// <summary>
/// The generated clinic. Every doctor works in <see cref="BenchCalendar.Zone"/>, Monday to Friday, on the grid of
/// <see cref="BenchCalendar"/>; appointments fill part of that grid over two years around today.
/// </summary>
public sealed class ClinicDataset
{
    public required BenchScale Scale { get; init; }

    public required BenchCalendar Calendar { get; init; }

    public required IReadOnlyList<BenchDoctor> Doctors { get; init; }

    public required IReadOnlyList<BenchPatient> Patients { get; init; }

    public required IReadOnlyList<BenchAppointment> Appointments { get; init; }

    /// <summary>Every free slot from two days to eighty days ahead, shuffled; each booking run takes a share of its own.</summary>
    public required IReadOnlyList<FreeSlot> FreeSlots { get; init; }

    public required IReadOnlyList<string> SearchTerms { get; init; }

    public TimeSpan GenerationTime { get; set; }

    public long TotalRows =>
        Doctors.Count * (1L + BenchCalendar.WorkingIntervals.Length * 5 + 1) + Patients.Count + Appointments.Count;
}

namespace AppointmentSlices.Infrastructure.Seeding;

internal sealed record DemoDoctor(
    Guid Id,
    string FullName,
    string Specialty,
    int SlotMinutes,
    IReadOnlyList<DemoWorkingHours> WorkingHours,
    IReadOnlyList<DemoTimeOff> TimeOff
);

/// <summary>One working interval, wall-clock time in the doctor's zone.</summary>
internal sealed record DemoWorkingHours(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>Time off as wall-clock timestamps in the doctor's zone, end exclusive.</summary>
internal sealed record DemoTimeOff(Guid Id, DateTime Start, DateTime End, string Reason);

internal sealed record DemoPatient(Guid Id, string FullName, string Email, string Phone, DateTimeOffset CreatedAt);

internal sealed record DemoAppointment(
    Guid Id,
    Guid DoctorId,
    Guid PatientId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Status,
    string Reason,
    DateTimeOffset CreatedAt
);

/// <summary>One change in an appointment's history; the status and times are the appointment's after it.</summary>
internal sealed record DemoAppointmentEvent(
    Guid Id,
    Guid AppointmentId,
    DateTimeOffset OccurredAt,
    string Kind,
    string Status,
    string Actor,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt
);

internal sealed record DemoDataset(
    List<DemoDoctor> Doctors,
    List<DemoPatient> Patients,
    List<DemoAppointment> Appointments,
    List<DemoAppointmentEvent> Events
);

using AppointmentSlices.Tests.Harness.Data;

namespace AppointmentSlices.Tests.Patients;

/// <summary>A patient's appointments put straight into the database (booking refuses the past) and read back.</summary>
internal sealed class PatientRows(ClinicData data)
{
    public Task<Guid> AddAppointmentAsync(
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        string status = "Scheduled",
        string reason = "Dolor de cabeza",
        string? cancellationReason = null
    ) => data.InsertPatientAppointmentAsync(doctorId, patientId, startsAt, status, reason, cancellationReason);

    public Task<StoredAppointmentText> AppointmentAsync(Guid id) => data.ReadAppointmentTextAsync(id);

    public Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid appointmentId) => data.EventsAsync(appointmentId);

    public Task<StoredPatient> PatientAsync(Guid id) => data.ReadPatientAsync(id);
}

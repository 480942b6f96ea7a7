namespace AppointmentSlices.Tests.Harness.Data;

public abstract partial class ClinicData
{
    public abstract Task<long> CountDoctorsAsync();

    /// <summary>The patient an appointment is booked for, as stored: id and full name.</summary>
    public abstract Task<(Guid Id, string Name)> PatientOfAsync(Guid appointmentId);

    /// <summary>Marks the appointment Cancelled behind the API's back, freeing its time as a cancel would.</summary>
    public abstract Task CancelDirectlyAsync(Guid appointmentId);
}

namespace AppointmentSlices.Tests.Harness.Data;

public abstract partial class ClinicData
{
    /// <summary>Puts a stored appointment at another time, past ones included, without history.</summary>
    public abstract Task MoveAppointmentAsync(Guid id, DateTimeOffset startsAt, DateTimeOffset endsAt);
}

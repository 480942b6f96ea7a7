using AppointmentSlices.Tests.Harness.Data;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// Puts appointments straight into the database, at any time and in any status (booking refuses the past), and
/// reads them and their events back. Appointments put in this way have no history.
/// </summary>
public sealed class TestAppointments(ClinicData data)
{
    public async Task<Guid> InsertAsync(
        Guid doctorId,
        Guid patientId,
        DateTimeOffset startsAt,
        string status = "Scheduled",
        int minutes = 30
    )
    {
        var id = Guid.CreateVersion7();
        await data.InsertAppointmentAsync(id, doctorId, patientId, startsAt, startsAt.AddMinutes(minutes), status);
        return id;
    }

    public Task<StoredAppointment> ReadAsync(Guid id) => data.ReadAppointmentAsync(id);

    public Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid id) => data.EventsAsync(id);
}

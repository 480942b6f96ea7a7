using AppointmentSlices.Tests.Harness.Data;

namespace AppointmentSlices.Tests.Harness;

/// <summary>Puts doctors and patients straight into the database, the way a test needs them, and counts rows.</summary>
public sealed class TestClinic(ClinicData data)
{
    private int _patients;

    public DoctorBuilder Doctor(string fullName = "Lucía Serrano Gil") => new(data, fullName);

    /// <summary>A doctor in Madrid on 30-minute slots, Monday to Friday 09:00–14:00 and 15:00–18:00.</summary>
    public Task<Guid> AddMadridDoctorAsync(string fullName = "Lucía Serrano Gil") =>
        Doctor(fullName).WorksWeekdays(("09:00", "14:00"), ("15:00", "18:00")).SaveAsync();

    public async Task<Guid> AddPatientAsync(string? fullName = null, string? email = null)
    {
        var n = Interlocked.Increment(ref _patients);
        var id = Guid.CreateVersion7();
        await data.InsertPatientAsync(
            id,
            fullName ?? $"Paciente Registrado {n}",
            email ?? $"registered{n}@example.org",
            "+34 600 000 000"
        );
        return id;
    }

    public Task<long> CountAppointmentsAsync() => data.CountAppointmentsAsync();

    public Task<long> CountPatientsAsync() => data.CountPatientsAsync();
}

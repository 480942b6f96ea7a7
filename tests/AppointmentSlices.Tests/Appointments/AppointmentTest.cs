using System.Globalization;
using System.Net.Http.Json;
using AppointmentSlices.Features.BookAppointment;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AppointmentSlices.Tests.Appointments;

/// <summary>What the appointment tests share: the mediator, direct rows, booking and changes through the API.</summary>
public abstract class AppointmentTest(PostgresFixture database, ClinicHost host) : DatabaseTest(database, host)
{
    /// <summary>Tuesday 17 March 2026, 09:00 in Madrid: the first slot of the split-day doctor that week.</summary>
    protected static readonly DateTimeOffset TuesdayNine = new(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(1));

    private static int _patients;

    protected IMediator Mediator => App.Services.GetRequiredService<IMediator>();

    protected TestAppointments Appointments => new(Data);

    /// <summary>Books through the mediator, for a new patient unless one is named.</summary>
    protected async Task<BookedAppointment> BookAsync(
        Guid doctorId,
        DateTimeOffset startsAt,
        Guid? patientId = null,
        Actor? actor = null
    )
    {
        var n = Interlocked.Increment(ref _patients);
        var patient = patientId is null
            ? new NewPatient($"Paciente {n}", $"patient{n}@example.org", "+34 612 345 678")
            : null;
        return await Mediator.Send(
            new BookAppointmentCommand(doctorId, startsAt, "Migraña", patientId, patient, actor)
        );
    }

    protected Task<HttpResponseMessage> CancelAsync(Guid id, string? reason = null) =>
        Client.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason });

    protected Task<HttpResponseMessage> RescheduleAsync(Guid id, DateTimeOffset startsAt) =>
        RescheduleAsync(id, startsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    protected Task<HttpResponseMessage> RescheduleAsync(Guid id, string startsAt) =>
        Client.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { startsAt });

    protected Task<HttpResponseMessage> RecordOutcomeAsync(Guid id, string outcome) =>
        Client.PostAsJsonAsync($"/api/appointments/{id}/outcome", new { outcome });

    /// <summary>The starts of the doctor's free slots on a day in Madrid, as the API writes them.</summary>
    protected async Task<string[]> FreeSlotsAsync(Guid doctorId, string date)
    {
        var body = await (
            await Client.GetAsync($"/api/doctors/{doctorId}/available-slots?date={date}")
        ).ReadJsonAsync();
        return body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startsAt").GetString()!).ToArray();
    }
}

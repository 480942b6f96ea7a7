using System.Diagnostics;
using Bogus;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>
/// Fills an empty database with a Spanish demo clinic: doctors, their hours and time off, patients, and
/// appointments around today. A fixed seed gives the same clinic every time; only the dates follow the clock.
/// </summary>
public static class DemoSeeder
{
    private const int Seed = 20_260_316;
    private const int PatientCount = 3_000;

    // Held until the transaction ends, so that two instances starting together seed once.
    private const string TakeSeedLock = "SELECT pg_advisory_xact_lock(hashtext('appointment-slices demo seed'))";
    private const string HasDoctors = "SELECT EXISTS (SELECT 1 FROM doctors)";

    /// <summary>The demo clinic around <paramref name="now"/>: the same rows for the same day on either database.</summary>
    internal static DemoDataset Generate(DateTimeOffset now)
    {
        var faker = new Faker("es") { Random = new Randomizer(Seed) };
        var ids = new DemoIds(faker.Random);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoDoctors.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var doctors = DemoDoctors.Create(faker, ids, today);
        var patients = DemoPatients.Create(faker, ids, now, PatientCount);
        var appointments = DemoAppointments.Create(faker, ids, doctors, patients, now);
        var events = DemoEvents.Create(faker, ids, appointments, now);
        return new DemoDataset(doctors, patients, appointments, events);
    }

    public static async Task SeedAsync(
        NpgsqlDataSource dataSource,
        TimeProvider clock,
        ILogger logger,
        CancellationToken cancellationToken = default
    )
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(TakeSeedLock, transaction: transaction);
        if (await connection.ExecuteScalarAsync<bool>(HasDoctors, transaction: transaction))
        {
            logger.LogDebug("Demo data not seeded: the database already has doctors");
            return;
        }

        var (doctors, patients, appointments, events) = Generate(clock.GetUtcNow());

        await DemoCopy.DoctorsAsync(connection, doctors, cancellationToken);
        await DemoCopy.WorkingHoursAsync(connection, doctors, cancellationToken);
        await DemoCopy.TimeOffAsync(connection, doctors, cancellationToken);
        await DemoCopy.PatientsAsync(connection, patients, cancellationToken);
        await DemoCopy.AppointmentsAsync(connection, appointments, cancellationToken);
        await DemoCopy.AppointmentEventsAsync(connection, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Seeded demo data: {Doctors} doctors, {Patients} patients, {Appointments} appointments in {ElapsedMs} ms",
            doctors.Count,
            patients.Count,
            appointments.Count,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds
        );
    }
}

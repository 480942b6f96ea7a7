using System.Diagnostics;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using AppointmentSlices.Infrastructure.Moving;
using AppointmentSlices.Infrastructure.Seeding;
using MongoDB.Driver;

namespace AppointmentSlices.Bench.Data;

/// <summary>
/// Loads the clinic into MongoDB with batched, unordered InsertMany, two batches in flight: doctors (their week and
/// leave embedded) and patients, then appointments, then the slot claims every active appointment holds. The
/// documents come from the demo seeder's mappings and the mover's claims, so they are what the Mongo stores
/// write. Appointment events are left out, as the PostgreSQL load leaves out their rows. Create the indexes after
/// the load: the unique <c>_id</c> of the claims already refuses an overlap while loading.
/// </summary>
public sealed class MongoLoader(MongoClinic clinic, int batchSize = MongoLoader.BatchSize) : IDatasetLoader
{
    public const int BatchSize = 10_000;
    private const int InFlight = 2;

    /// <summary>How many documents <see cref="LoadAsync"/> writes, for a progress bar.</summary>
    public static long DocumentCount(ClinicDataset data)
    {
        var active = data.Appointments.LongCount(a => a.Status != AppointmentStatus.Cancelled);
        var claimsEach = 2 * BenchCalendar.SlotMinutes / SlotClaimIds.UnitMinutes;
        return data.Doctors.Count + data.Patients.Count + data.Appointments.Count + active * claimsEach;
    }

    public async Task<IReadOnlyList<LoadPhase>> LoadAsync(
        ClinicDataset data,
        IProgress<long> rowsWritten,
        CancellationToken ct
    )
    {
        var clock = Stopwatch.StartNew();
        long written = 0;
        void Count(int documents) => rowsWritten.Report(Interlocked.Add(ref written, documents));

        var created = new DateTimeOffset(data.Calendar.DateOf(data.Calendar.TodayIndex), TimeOnly.MinValue, default);
        await InsertAsync(clinic.Doctors, data.Doctors.Select((d, i) => Doctor(data, d, i, created)), Count, ct);
        await InsertAsync(clinic.Patients, data.Patients.Select(Patient), Count, ct);
        var doctorsAndPatients = clock.Elapsed.TotalSeconds;

        await InsertAsync(clinic.Appointments, Appointments(data), Count, ct);
        var appointments = clock.Elapsed.TotalSeconds;

        await InsertAsync(clinic.SlotClaims, Appointments(data).SelectMany(SlotClaimsOf.Appointment), Count, ct);
        return
        [
            new("doctors with their week and leave, patients (InsertMany)", doctorsAndPatients),
            new("appointments (InsertMany)", appointments - doctorsAndPatients),
            new("slot claims of the active appointments (InsertMany)", clock.Elapsed.TotalSeconds - appointments),
        ];
    }

    private static DoctorDocument Doctor(ClinicDataset data, BenchDoctor doctor, int index, DateTimeOffset created)
    {
        var week = Enumerable
            .Range(1, 5)
            .SelectMany(day =>
                BenchCalendar.WorkingIntervals.Select(h => new DemoWorkingHours((DayOfWeek)day, h.Start, h.End))
            )
            .ToList();
        var leave = new DemoTimeOff(
            PostgresLoader.LeaveId(index),
            data.Calendar.DateOf(doctor.LeaveFromDay).ToDateTime(TimeOnly.MinValue),
            data.Calendar.DateOf(doctor.LeaveToDay).ToDateTime(TimeOnly.MinValue),
            "Vacaciones"
        );
        var demo = new DemoDoctor(
            doctor.Id,
            doctor.FullName,
            doctor.Specialty,
            BenchCalendar.SlotMinutes,
            week,
            [leave]
        );
        var document = MongoDemoSeeder.Doctor(demo, created);
        document.TimeZone = BenchCalendar.ZoneId;
        return document;
    }

    private static PatientDocument Patient(BenchPatient p) =>
        MongoDemoSeeder.Patient(new DemoPatient(p.Id, p.FullName, p.Email, p.Phone, p.CreatedAt));

    private static IEnumerable<AppointmentDocument> Appointments(ClinicDataset data)
    {
        var slot = TimeSpan.FromMinutes(BenchCalendar.SlotMinutes);
        return data.Appointments.Select(a =>
        {
            var starts = data.Calendar.StartOf(a.Day, a.Slot);
            return MongoDemoSeeder.Appointment(
                new DemoAppointment(
                    a.Id,
                    data.Doctors[a.Doctor].Id,
                    data.Patients[a.Patient].Id,
                    starts,
                    starts + slot,
                    a.Status,
                    a.Reason,
                    a.CreatedAt
                )
            );
        });
    }

    private async Task InsertAsync<T>(
        IMongoCollection<T> collection,
        IEnumerable<T> documents,
        Action<int> count,
        CancellationToken ct
    )
    {
        var pending = new List<Task>(InFlight);
        foreach (var batch in documents.Chunk(batchSize))
        {
            if (pending.Count == InFlight)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                await done;
            }

            pending.Add(InsertBatchAsync(collection, batch, count, ct));
        }

        await Task.WhenAll(pending);
    }

    private static async Task InsertBatchAsync<T>(
        IMongoCollection<T> collection,
        T[] batch,
        Action<int> count,
        CancellationToken ct
    )
    {
        await collection.InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, ct);
        count(batch.Length);
    }
}

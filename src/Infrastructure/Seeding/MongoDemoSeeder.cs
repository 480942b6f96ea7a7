using System.Diagnostics;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>
/// The demo clinic of <see cref="DemoSeeder"/>, written to MongoDB in batches when it has no doctors yet. The
/// row-to-document mappings are internal so the bench's loader writes the very documents the seeder does.
/// </summary>
public static class MongoDemoSeeder
{
    private const int BatchSize = 5_000;

    public static async Task SeedAsync(
        MongoClinic clinic,
        TimeProvider clock,
        ILogger logger,
        CancellationToken ct = default
    )
    {
        if (await clinic.Doctors.Find(FilterDefinition<DoctorDocument>.Empty).AnyAsync(ct))
        {
            logger.LogDebug("Demo data not seeded: the database already has doctors");
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var demo = DemoSeeder.Generate(now);
        await InsertAsync(clinic.Doctors, demo.Doctors.Select(d => Doctor(d, now)), ct);
        await InsertAsync(clinic.Patients, demo.Patients.Select(Patient), ct);
        await InsertAsync(clinic.Appointments, demo.Appointments.Select(Appointment), ct);
        await InsertAsync(clinic.SlotClaims, demo.Appointments.SelectMany(Claims), ct);
        await InsertAsync(clinic.AppointmentEvents, Events(demo.Events), ct);
        logger.LogInformation(
            "Seeded demo data: {Doctors} doctors, {Patients} patients, {Appointments} appointments in {ElapsedMs} ms",
            demo.Doctors.Count,
            demo.Patients.Count,
            demo.Appointments.Count,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds
        );
    }

    private static async Task InsertAsync<T>(
        IMongoCollection<T> collection,
        IEnumerable<T> documents,
        CancellationToken ct
    )
    {
        foreach (var batch in documents.Chunk(BatchSize))
        {
            await collection.InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, ct);
        }
    }

    internal static DoctorDocument Doctor(DemoDoctor doctor, DateTimeOffset now) =>
        new()
        {
            Id = doctor.Id,
            FullName = doctor.FullName,
            Specialty = doctor.Specialty,
            TimeZone = DemoDoctors.TimeZone,
            SlotMinutes = doctor.SlotMinutes,
            IsActive = true,
            CreatedAt = now.UtcDateTime,
            SearchName = SearchText.Key(doctor.FullName),
            SearchSpecialty = SearchText.Key(doctor.Specialty),
            WorkingHours =
            [
                .. doctor.WorkingHours.Select(h => new WorkingHoursDocument
                {
                    Day = (int)h.Day,
                    StartsMinute = (int)h.Start.ToTimeSpan().TotalMinutes,
                    EndsMinute = h.End == TimeOnly.MinValue ? 24 * 60 : (int)h.End.ToTimeSpan().TotalMinutes,
                }),
            ],
            TimeOff =
            [
                .. doctor.TimeOff.Select(t => new TimeOffDocument
                {
                    Id = t.Id,
                    Starts = WallClockDates.ToStored(t.Start),
                    Ends = WallClockDates.ToStored(t.End),
                    Reason = t.Reason,
                }),
            ],
        };

    internal static PatientDocument Patient(DemoPatient patient) =>
        new()
        {
            Id = patient.Id,
            FullName = patient.FullName,
            Email = patient.Email,
            EmailKey = patient.Email.ToLowerInvariant(),
            Phone = patient.Phone,
            PhoneDigits = SearchText.Digits(patient.Phone),
            SearchName = SearchText.Key(patient.FullName),
            CreatedAt = patient.CreatedAt.UtcDateTime,
            UpdatedAt = patient.CreatedAt.UtcDateTime,
        };

    internal static AppointmentDocument Appointment(DemoAppointment appointment) =>
        new()
        {
            Id = appointment.Id,
            DoctorId = appointment.DoctorId,
            PatientId = appointment.PatientId,
            StartsAt = appointment.StartsAt.UtcDateTime,
            EndsAt = appointment.EndsAt.UtcDateTime,
            Status = appointment.Status,
            Reason = appointment.Reason,
            CreatedAt = appointment.CreatedAt.UtcDateTime,
            UpdatedAt = appointment.CreatedAt.UtcDateTime,
        };

    private static IEnumerable<SlotClaimDocument> Claims(DemoAppointment appointment) =>
        appointment.Status == "Cancelled"
            ? []
            : SlotClaimIds
                .Of(SlotClaimIds.Doctor, appointment.DoctorId, appointment.StartsAt, appointment.EndsAt)
                .Concat(
                    SlotClaimIds.Of(
                        SlotClaimIds.Patient,
                        appointment.PatientId,
                        appointment.StartsAt,
                        appointment.EndsAt
                    )
                )
                .Select(id => new SlotClaimDocument { Id = id, AppointmentId = appointment.Id });

    private static IEnumerable<AppointmentEventDocument> Events(IEnumerable<DemoAppointmentEvent> events) =>
        events
            .GroupBy(e => e.AppointmentId)
            .SelectMany(history =>
                history
                    .OrderBy(e => e.OccurredAt)
                    .ThenBy(e => e.Id)
                    .Select(
                        (e, sequence) =>
                            new AppointmentEventDocument
                            {
                                Id = e.Id,
                                AppointmentId = e.AppointmentId,
                                Sequence = sequence,
                                OccurredAt = e.OccurredAt.UtcDateTime,
                                Kind = e.Kind,
                                Status = e.Status,
                                Actor = e.Actor,
                                StartsAt = e.StartsAt.UtcDateTime,
                                EndsAt = e.EndsAt.UtcDateTime,
                            }
                    )
            );
}

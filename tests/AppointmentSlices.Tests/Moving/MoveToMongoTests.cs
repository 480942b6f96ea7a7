using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using AppointmentSlices.Infrastructure.Moving;
using AppointmentSlices.Infrastructure.Seeding;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Data;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using Xunit;

namespace AppointmentSlices.Tests.Moving;

/// <summary>The demo clinic moved from PostgreSQL into a MongoDB database of its own, and checked.</summary>
[Collection("Database")]
public sealed class MoveToMongoTests(PostgresFixture database) : IAsyncLifetime
{
    private const string DemoTooLargeForTestServer =
        "it inserts in time that grows with the collection (40,000 documents take minutes) and the demo clinic "
        + "moves about 250,000";

    private readonly MongoClinic _target = MongoRegistration.CreateClinic(
        new MongoUrlBuilder(MongoTestServer.ConnectionString) { DatabaseName = $"move_{Guid.NewGuid():N}" }.ToString()
    );

    private const string InsertEventSql = """
        INSERT INTO appointment_events (id, appointment_id, occurred_at, kind, status, actor, starts_at, ends_at, note)
        VALUES (@id, @appointmentId, @occurredAt, @kind, @status, 'system', @startsAt, @endsAt, @note)
        """;

    private const string InsertAuditSql = """
        INSERT INTO audit_log (id, occurred_at, actor, entity, entity_id, action, changed_fields)
        VALUES (@id, @occurredAt, 'system', 'appointment', @entityId, 'Booked', '{status,startsAt}')
        """;

    public Task InitializeAsync() => database.ResetAsync();

    // The test server has no dropDatabase; its data goes when it stops at the end of the run.
    public Task DisposeAsync() =>
        MongoTestServer.IsRealServer
            ? _target.Client.DropDatabaseAsync(_target.Database.DatabaseNamespace.DatabaseName)
            : Task.CompletedTask;

    [MongoFact(NotOnTestServer = DemoTooLargeForTestServer)]
    public async Task Moving_the_demo_clinic_copies_every_row_and_verifies_it_the_same()
    {
        await DemoSeeder.SeedAsync(database.DataSource, new FakeTimeProvider(ClinicApp.Now), NullLogger.Instance);
        var mover = new ClinicMover(database.DataSource, _target, batchSize: 1_000);
        var reported = new List<MoveProgress>();

        await mover.MoveAsync(new Recorder(reported));
        var verification = await mover.VerifyAsync();

        Assert.True(verification.Matches, Describe(verification));
        Assert.Equal(await CountAsync("appointments"), await _target.Appointments.CountDocumentsAsync(_ => true));
        Assert.Equal(
            await CountAsync("appointment_events"),
            verification.Collections.Single(c => c.Collection == "appointment_events").TargetCount
        );
        Assert.True(await _target.SlotClaims.CountDocumentsAsync(_ => true) > 0);
        var appointments = reported.Where(p => p.Collection == "appointments").ToList();
        Assert.Equal(appointments[^1].Total, appointments[^1].Done);
    }

    [MongoFact]
    public async Task Moving_again_changes_nothing_and_repairs_what_was_changed_in_between()
    {
        await AddSmallClinicAsync();
        var mover = new ClinicMover(database.DataSource, _target, batchSize: 2);
        await mover.MoveAsync(new Recorder([]));
        var patient = await _target.Patients.Find(_ => true).FirstAsync();
        await _target.Patients.UpdateOneAsync(
            p => p.Id == patient.Id,
            Builders<PatientDocument>.Update.Set(p => p.FullName, "Cambiado")
        );

        await mover.MoveAsync(new Recorder([]));
        var verification = await mover.VerifyAsync();

        Assert.True(verification.Matches, Describe(verification));
        Assert.Equal(await CountAsync("patients"), await _target.Patients.CountDocumentsAsync(_ => true));
    }

    [MongoFact]
    public async Task Verifying_reports_each_document_that_differs_is_missing_or_is_extra()
    {
        await AddSmallClinicAsync();
        var mover = new ClinicMover(database.DataSource, _target, batchSize: 2);
        await mover.MoveAsync(new Recorder([]));
        var patients = await _target.Patients.Find(_ => true).Limit(2).ToListAsync();
        await _target.Patients.UpdateOneAsync(
            p => p.Id == patients[0].Id,
            Builders<PatientDocument>.Update.Set(p => p.Phone, "000")
        );
        await _target.Patients.DeleteOneAsync(p => p.Id == patients[1].Id);

        var patientsCheck = (await mover.VerifyAsync()).Collections.Single(c => c.Collection == "patients");

        Assert.False(patientsCheck.Matches);
        Assert.Equal([patients[0].Id.ToString()], patientsCheck.Different);
        Assert.Equal([patients[1].Id.ToString()], patientsCheck.MissingInTarget);
        Assert.Empty(patientsCheck.ExtraInTarget);
    }

    [MongoFact]
    public async Task Moving_a_clinic_copies_every_table_in_batches_and_verifies_it_the_same()
    {
        var ids = await AddSmallClinicAsync();
        var mover = new ClinicMover(database.DataSource, _target, batchSize: 2);
        var reported = new List<MoveProgress>();

        await mover.MoveAsync(new Recorder(reported));
        var verification = await mover.VerifyAsync();

        Assert.True(verification.Matches, Describe(verification));
        Assert.Equal(
            [
                "doctors",
                "patients",
                "appointments",
                "appointment_events",
                "slot_claims",
                "audit_log",
                "staff_users",
                "api_keys",
            ],
            verification.Collections.Select(c => c.Collection)
        );
        Assert.Equal(3, await _target.Appointments.CountDocumentsAsync(_ => true));
        Assert.Equal(2, await _target.AppointmentEvents.CountDocumentsAsync(_ => true));
        // The two active 30-minute appointments claim six five-minute units each, for the doctor and the patient.
        Assert.Equal(24, await _target.SlotClaims.CountDocumentsAsync(_ => true));
        Assert.Equal(0, await _target.SlotClaims.CountDocumentsAsync(c => c.AppointmentId == ids.Cancelled));
        var doctor = await _target.Doctors.Find(d => d.Id == ids.Doctor).SingleAsync();
        Assert.Equal(10, doctor.WorkingHours.Count);
        Assert.Single(doctor.TimeOff);
        Assert.Equal("lucia serrano gil", doctor.SearchName);
        var history = await _target
            .AppointmentEvents.Find(e => e.AppointmentId == ids.Moved)
            .SortBy(e => e.Sequence)
            .ToListAsync();
        Assert.Equal(["Booked", "Rescheduled"], history.Select(e => e.Kind));
        Assert.Equal([0, 1], history.Select(e => e.Sequence));
        var progress = reported.Where(p => p.Collection == "appointments").ToList();
        Assert.Equal([2L, 3L], progress.Select(p => p.Done).Distinct());
        Assert.All(progress, p => Assert.Equal(3, p.Total));
    }

    private async Task<(Guid Doctor, Guid Moved, Guid Cancelled)> AddSmallClinicAsync()
    {
        var data = new PostgresClinicData(database.DataSource, database.ResetAsync);
        var clinic = new TestClinic(data);
        var doctor = await clinic
            .Doctor()
            .WorksWeekdays(("09:00", "14:00"), ("15:00", "18:00"))
            .Away(new DateTime(2026, 4, 6, 0, 0, 0), new DateTime(2026, 4, 10, 0, 0, 0))
            .SaveAsync();
        var patient = await clinic.AddPatientAsync("María Núñez");
        var other = await clinic.AddPatientAsync();
        var appointments = new TestAppointments(data);
        var nine = new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(1));
        var moved = await appointments.InsertAsync(doctor, patient, nine);
        await appointments.InsertAsync(doctor, other, nine.AddHours(1));
        var cancelled = await appointments.InsertAsync(doctor, other, nine, "Cancelled");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var (kind, minutes) in new[] { ("Booked", 0), ("Rescheduled", 5) })
        {
            var row = new
            {
                id = Guid.CreateVersion7(),
                appointmentId = moved,
                occurredAt = ClinicApp.Now.AddMinutes(minutes).UtcDateTime,
                kind,
                status = "Scheduled",
                startsAt = nine.UtcDateTime,
                endsAt = nine.AddMinutes(30).UtcDateTime,
                note = (string?)null,
            };
            await connection.ExecuteAsync(InsertEventSql, row);
        }

        var audit = new
        {
            id = Guid.CreateVersion7(),
            occurredAt = ClinicApp.Now.UtcDateTime,
            entityId = moved,
        };
        await connection.ExecuteAsync(InsertAuditSql, audit);
        await data.AddStaffAsync();
        await data.AddApiKeyAsync();
        return (doctor, moved, cancelled);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    private static string Describe(MoveVerification verification) =>
        string.Join(
            "; ",
            verification
                .Collections.Where(c => !c.Matches)
                .Select(c =>
                    $"{c.Collection}: {c.SourceCount} vs {c.TargetCount}, missing {c.MissingInTarget.Count}, extra {c.ExtraInTarget.Count}, different {c.Different.Count} (first {c.Different.FirstOrDefault() ?? c.MissingInTarget.FirstOrDefault()})"
                )
        );

    private sealed class Recorder(List<MoveProgress> reported) : IProgress<MoveProgress>
    {
        public void Report(MoveProgress value) => reported.Add(value);
    }
}

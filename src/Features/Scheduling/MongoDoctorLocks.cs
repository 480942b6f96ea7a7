using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>The doctor's document written first in an open MongoDB transaction (see <see cref="MongoDoctors.TouchAsync"/>).</summary>
internal sealed class MongoLockedDoctor(
    MongoClinic clinic,
    IClientSessionHandle session,
    ScheduledDoctor doctor,
    IReadOnlyList<AffectedAppointment> futureAppointments
) : LockedDoctor(doctor, futureAppointments)
{
    public MongoClinic Clinic { get; } = clinic;

    public IClientSessionHandle Session { get; } = session;

    public override Task CommitAsync(CancellationToken ct) => Session.CommitTransactionAsync(ct);

    public override ValueTask DisposeAsync()
    {
        Session.Dispose(); // aborts the transaction unless it was committed
        return ValueTask.CompletedTask;
    }
}

internal sealed class MongoDoctorLocks(MongoClinic clinic) : IDoctorLocks, IMongoStore
{
    private const int Attempts = 20;

    public async Task<LockedDoctor?> LockAsync(Guid doctorId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = await clinic.Client.StartSessionAsync(cancellationToken: ct);
            try
            {
                session.StartTransaction(
                    new TransactionOptions(ReadConcern.Snapshot, ReadPreference.Primary, WriteConcern.WMajority)
                );
                var locked = await ReadAsync(session, doctorId, now, ct);
                if (locked is null)
                {
                    session.Dispose();
                }

                return locked;
            }
            catch (MongoException e) when (e.HasErrorLabel("TransientTransactionError") && attempt < Attempts)
            {
                // A booking of this doctor holds the document; it commits within milliseconds.
                session.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), ct);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
    }

    private async Task<MongoLockedDoctor?> ReadAsync(
        IClientSessionHandle session,
        Guid doctorId,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var document = await MongoDoctors.TouchAsync(clinic, session, doctorId, ct);
        if (document is null)
        {
            return null;
        }

        var nowUtc = now.UtcDateTime;
        var appointments = await clinic
            .Appointments.Find(session, a =>
                a.DoctorId == doctorId && a.Status == AppointmentStatus.Scheduled && a.StartsAt > nowUtc
            )
            .SortBy(a => a.StartsAt)
            .ThenBy(a => a.Id)
            .ToListAsync(ct);
        var patientIds = appointments.Select(a => a.PatientId).Distinct().ToList();
        var names = (await clinic.Patients.Find(session, p => patientIds.Contains(p.Id)).ToListAsync(ct)).ToDictionary(
            p => p.Id,
            p => p.FullName
        );
        var future = appointments
            .Select(a => new AffectedAppointment(
                a.Id,
                new DateTimeOffset(a.StartsAt),
                new DateTimeOffset(a.EndsAt),
                a.PatientId,
                names.GetValueOrDefault(a.PatientId, "")
            ))
            .ToList();
        return new MongoLockedDoctor(clinic, session, MongoDoctors.ToScheduled(document), future);
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.BookAppointment;

internal sealed class MongoBookAppointmentStore(MongoClinic clinic) : IBookAppointmentStore, IMongoStore
{
    public async Task<StoredBooking> BookAsync(
        Guid doctorId,
        DateTimeOffset startsAt,
        Guid? patientId,
        Func<ScheduledDoctor?, NewAppointment> plan,
        CancellationToken ct
    )
    {
        try
        {
            return await clinic.InTransactionAsync(
                (session, token) => BookAsync(session, doctorId, patientId, plan, token),
                ct
            );
        }
        catch (EmailRegisteredMeanwhileException)
        {
            // Another booking registered this email after this one looked; this time the lookup finds them.
            return await clinic.InTransactionAsync(
                (session, token) => BookAsync(session, doctorId, patientId, plan, token),
                ct
            );
        }
    }

    private async Task<StoredBooking> BookAsync(
        IClientSessionHandle session,
        Guid doctorId,
        Guid? patientId,
        Func<ScheduledDoctor?, NewAppointment> plan,
        CancellationToken ct
    )
    {
        // Written first in the transaction, so a schedule change can't commit between this read and the booking.
        var doctor = await MongoDoctors.TouchAsync(clinic, session, doctorId, ct);
        var appointment = plan(doctor is null ? null : MongoDoctors.ToScheduled(doctor));
        if (
            patientId is { } given
            && !await clinic.Patients.Find(session, p => p.Id == given && p.ErasedAt == null).AnyAsync(ct)
        )
        {
            throw BookingRefusals.NoPatient();
        }

        var bookedPatientId = patientId ?? await FindOrRegisterPatientAsync(session, appointment, ct);
        await SlotClaims.ClaimAsync(
            clinic,
            session,
            appointment.Id,
            appointment.DoctorId,
            bookedPatientId,
            appointment.StartsAt,
            appointment.EndsAt,
            ct
        );
        var document = new AppointmentDocument
        {
            Id = appointment.Id,
            DoctorId = appointment.DoctorId,
            PatientId = bookedPatientId,
            StartsAt = appointment.StartsAt.UtcDateTime,
            EndsAt = appointment.EndsAt.UtcDateTime,
            Status = AppointmentStatus.Scheduled,
            Reason = appointment.Reason,
            ManageTokenHash = appointment.ManageTokenHash,
            CreatedAt = appointment.BookedAt.UtcDateTime,
            UpdatedAt = appointment.BookedAt.UtcDateTime,
        };
        try
        {
            await clinic.Appointments.InsertOneAsync(session, document, cancellationToken: ct);
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            // Only a booking form sent twice repeats a manage token: its first send holds the slot.
            throw AppointmentConflicts.SlotTaken();
        }

        var booked = new AppointmentChange(
            appointment.Id,
            AppointmentHistory.Booked,
            AppointmentStatus.Scheduled,
            appointment.BookedBy,
            appointment.StartsAt,
            appointment.EndsAt,
            null,
            appointment.BookedAt
        );
        await MongoAppointmentHistory.RecordAsync(clinic, session, booked, ct);
        return new StoredBooking(appointment, bookedPatientId);
    }

    /// <summary>
    /// The patient registered under the email, or a new one. Of two bookings that register one email at once, the
    /// unique index lets one insert; the other runs again and finds that patient.
    /// </summary>
    private async Task<Guid> FindOrRegisterPatientAsync(
        IClientSessionHandle session,
        NewAppointment appointment,
        CancellationToken ct
    )
    {
        var details = appointment.NewPatient!;
        var emailKey = TextRules.Tidy(details.Email).ToLowerInvariant();
        var existing = await clinic.Patients.Find(session, p => p.EmailKey == emailKey).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing.Id;
        }

        var now = appointment.BookedAt.UtcDateTime;
        var patient = new PatientDocument
        {
            Id = Guid.CreateVersion7(),
            FullName = TextRules.Tidy(details.FullName),
            Email = TextRules.Tidy(details.Email),
            EmailKey = emailKey,
            Phone = TextRules.Tidy(details.Phone),
            PhoneDigits = SearchText.Digits(details.Phone),
            SearchName = SearchText.Key(TextRules.Tidy(details.FullName)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await clinic.Patients.InsertOneAsync(session, patient, cancellationToken: ct);
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            throw new EmailRegisteredMeanwhileException();
        }

        var audit = new AuditEntry(
            AuditLog.Patient,
            patient.Id,
            "Registered",
            appointment.BookedBy,
            AuditLog.PatientFields,
            appointment.BookedAt
        );
        await MongoAuditLog.RecordAsync(clinic, session, audit, ct);
        return patient.Id;
    }

    private sealed class EmailRegisteredMeanwhileException : Exception;
}

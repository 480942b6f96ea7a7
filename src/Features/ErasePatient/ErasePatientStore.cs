using AppointmentSlices.Features.Common;
using Dapper;
using Npgsql;

namespace AppointmentSlices.Features.ErasePatient;

internal interface IErasePatientStore
{
    /// <summary>Erases the patient in one transaction; null when there is no patient with this id.</summary>
    Task<PatientErasure?> EraseAsync(Guid patientId, DateTimeOffset now, Actor actor, CancellationToken ct);
}

internal sealed class PostgresErasePatientStore(NpgsqlDataSource db) : IErasePatientStore, IPostgresStore
{
    public const string ErasedName = "Erased patient";
    public const string ErasedText = "(erased)";
    public const string CancellationReason = "Patient erased";

    // The row lock serialises erasures of one patient, and waits for bookings of them still in flight (their
    // foreign key locks the row too), so those are cancelled with the rest.
    private const string LockSql = "SELECT erased_at AS ErasedAt FROM patients WHERE id = @patientId FOR UPDATE";

    // "erased-{id}@invalid" keeps the email unique and frees the old one; .invalid never receives mail.
    private const string AnonymiseSql = """
        UPDATE patients
        SET full_name = @ErasedName, email = 'erased-' || id || '@invalid', phone = '000',
            erased_at = @now, updated_at = @now
        WHERE id = @patientId
        """;

    // Free text may hold what the patient told the clinic; times, statuses and who did what stay.
    // The links the patient was sent to manage their bookings stop working.
    private const string BlankTextSql = """
        UPDATE appointments
        SET reason = @ErasedText,
            cancellation_reason = CASE WHEN cancellation_reason IS NULL THEN NULL ELSE @ErasedText END,
            manage_token_hash = NULL, updated_at = @now
        WHERE patient_id = @patientId;

        UPDATE appointment_events e
        SET note = @ErasedText
        FROM appointments a
        WHERE a.id = e.appointment_id AND a.patient_id = @patientId AND e.note IS NOT NULL;
        """;

    private const string CancelFutureSql = """
        UPDATE appointments
        SET status = 'Cancelled', cancellation_reason = @CancellationReason, updated_at = @now
        WHERE patient_id = @patientId AND status = 'Scheduled' AND starts_at > @now
        RETURNING id AS Id, starts_at AS StartsAt, ends_at AS EndsAt
        """;

    // Like every history entry, never dated before the appointment's previous one, even on a clock that stands
    // still, so the history reads in the order things happened.
    private const string RecordCancellationsSql = """
        INSERT INTO appointment_events (id, appointment_id, occurred_at, kind, status, actor, starts_at, ends_at, note)
        SELECT c.event_id, c.appointment_id,
               GREATEST(@now, (SELECT max(e.occurred_at) + interval '1 microsecond'
                               FROM appointment_events e WHERE e.appointment_id = c.appointment_id)),
               'Cancelled', 'Cancelled', @actor, c.starts_at, c.ends_at, @CancellationReason
        FROM unnest(@eventIds::uuid[], @appointmentIds::uuid[], @startsAt::timestamptz[], @endsAt::timestamptz[])
            AS c(event_id, appointment_id, starts_at, ends_at);

        INSERT INTO audit_log (id, occurred_at, actor, entity, entity_id, action, changed_fields)
        SELECT gen_random_uuid(), @now, @actor, 'appointment', c.appointment_id, 'Cancelled',
               ARRAY['status', 'cancellationReason']
        FROM unnest(@appointmentIds::uuid[]) AS c(appointment_id);
        """;

    // Field names only: the log keeps that the text was blanked, never what it said.
    private const string AuditSql = """
        INSERT INTO audit_log (id, occurred_at, actor, entity, entity_id, action, changed_fields)
        VALUES (@auditId, @now, @actor, 'patient', @patientId, 'Erased', ARRAY['fullName', 'email', 'phone']);

        INSERT INTO audit_log (id, occurred_at, actor, entity, entity_id, action, changed_fields)
        SELECT gen_random_uuid(), @now, @actor, 'appointment', a.id, 'TextErased',
               ARRAY['reason', 'cancellationReason', 'manageToken']
        FROM appointments a
        WHERE a.patient_id = @patientId;
        """;

    public async Task<PatientErasure?> EraseAsync(Guid patientId, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var state = await connection.QuerySingleOrDefaultAsync<PatientState>(
            new CommandDefinition(LockSql, new { patientId }, transaction, cancellationToken: ct)
        );
        if (state is null)
        {
            return null;
        }

        if (state.ErasedAt is { } erasedAt)
        {
            return new PatientErasure(patientId, new DateTimeOffset(erasedAt), 0, WasErasedBefore: true);
        }

        var parameters = new
        {
            patientId,
            now = now.UtcDateTime,
            ErasedName,
            ErasedText,
            CancellationReason,
        };
        await connection.ExecuteAsync(
            new CommandDefinition(AnonymiseSql, parameters, transaction, cancellationToken: ct)
        );
        await connection.ExecuteAsync(
            new CommandDefinition(BlankTextSql, parameters, transaction, cancellationToken: ct)
        );
        var cancelled = (
            await connection.QueryAsync<CancelledAppointment>(
                new CommandDefinition(CancelFutureSql, parameters, transaction, cancellationToken: ct)
            )
        ).ToList();

        if (cancelled.Count > 0)
        {
            var events = new
            {
                now = now.UtcDateTime,
                actor = actor.Value,
                CancellationReason,
                eventIds = cancelled.Select(_ => Guid.CreateVersion7()).ToArray(),
                appointmentIds = cancelled.Select(c => c.Id).ToArray(),
                startsAt = cancelled.Select(c => c.StartsAt).ToArray(),
                endsAt = cancelled.Select(c => c.EndsAt).ToArray(),
            };
            await connection.ExecuteAsync(
                new CommandDefinition(RecordCancellationsSql, events, transaction, cancellationToken: ct)
            );
        }

        var audit = new
        {
            auditId = Guid.CreateVersion7(),
            now = now.UtcDateTime,
            actor = actor.Value,
            patientId,
        };
        await connection.ExecuteAsync(new CommandDefinition(AuditSql, audit, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return new PatientErasure(patientId, now, cancelled.Count, WasErasedBefore: false);
    }

    private sealed record PatientState(DateTime? ErasedAt);

    private sealed record CancelledAppointment(Guid Id, DateTime StartsAt, DateTime EndsAt);
}

using System.Globalization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using FluentValidation;
using Mediator;

namespace AppointmentSlices.Features.GetPatient;

/// <summary>A patient with their appointments, newest first, a page at a time.</summary>
public sealed record GetPatientQuery(Guid PatientId, int? Limit = null, string? Cursor = null) : IQuery<PatientRecord>;

public sealed record PatientRecord(PatientDetails Patient, Page<PatientAppointment> Appointments);

/// <summary>One of the patient's appointments; its times carry the doctor's offset and name their zone.</summary>
public sealed record PatientAppointment(
    Guid Id,
    Guid DoctorId,
    string DoctorName,
    string Specialty,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string Status,
    string Reason
);

internal sealed class GetPatientValidator : AbstractValidator<GetPatientQuery>
{
    public GetPatientValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor)
            .Must((q, c) => c is null || AppointmentCursor.TryDecode(c, AppointmentCursor.ScopeOf(q), out _))
            .WithMessage(Paging.ForeignCursor);
    }
}

internal sealed class GetPatientHandler(IGetPatientStore store) : IQueryHandler<GetPatientQuery, PatientRecord>
{
    public async ValueTask<PatientRecord> Handle(GetPatientQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var scope = AppointmentCursor.ScopeOf(query);
        AppointmentKey? after = AppointmentCursor.TryDecode(query.Cursor, scope, out var key) ? key : null;

        var patient = await store.FindAsync(query.PatientId, ct)
            ?? throw new NotFoundException("patient", query.PatientId);
        var rows = await store.ListAppointmentsAsync(query.PatientId, after, limit + 1, ct);

        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? AppointmentCursor.Encode(scope, items[^1]) : null;
        return new PatientRecord(patient, new Page<PatientAppointment>(items, next));
    }
}

/// <summary>Where a page of appointments, newest first, left off: the last one's start and id.</summary>
internal sealed record AppointmentKey(DateTimeOffset StartsAt, Guid Id);

internal static class AppointmentCursor
{
    // Microseconds, as PostgreSQL keeps them, so the cursor points exactly between two appointments.
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string ScopeOf(GetPatientQuery query) => Paging.Scope("patient-appointments", query.PatientId);

    public static string Encode(string scope, PatientAppointment last) =>
        Paging.EncodeCursor(scope, last.StartsAt.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture), last.Id);

    public static bool TryDecode(string? cursor, string scope, out AppointmentKey key)
    {
        key = new AppointmentKey(default, Guid.Empty);
        if (!Paging.TryDecodeCursor(cursor, scope, out var sortKey, out var id))
        {
            return false;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParseExact(sortKey, Format, CultureInfo.InvariantCulture, styles, out var startsAt))
        {
            return false;
        }

        key = new AppointmentKey(startsAt, id);
        return true;
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ListAppointments;

internal sealed class MongoListAppointmentsStore(MongoClinic clinic) : IListAppointmentsStore, IMongoStore
{
    public async Task<IReadOnlyList<AppointmentListItem>> ListAsync(
        AppointmentFilter filter,
        (DateTimeOffset StartsAt, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var appointments = await clinic
            .Appointments.Find(Matching(filter, after))
            .SortBy(a => a.StartsAt)
            .ThenBy(a => a.Id)
            .Limit(take)
            .ToListAsync(ct);
        if (appointments.Count == 0)
        {
            return [];
        }

        var doctorIds = appointments.Select(a => a.DoctorId).Distinct().ToList();
        var patientIds = appointments.Select(a => a.PatientId).Distinct().ToList();
        var doctors = (await clinic.Doctors.Find(d => doctorIds.Contains(d.Id)).ToListAsync(ct)).ToDictionary(d =>
            d.Id
        );
        var patients = (await clinic.Patients.Find(p => patientIds.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p =>
            p.Id
        );

        // As the SQL's inner joins do, an appointment whose doctor or patient is gone is left out.
        return appointments
            .Where(a => doctors.ContainsKey(a.DoctorId) && patients.ContainsKey(a.PatientId))
            .Select(a => ToItem(a, doctors[a.DoctorId], patients[a.PatientId]))
            .ToList();
    }

    private static FilterDefinition<AppointmentDocument> Matching(
        AppointmentFilter filter,
        (DateTimeOffset StartsAt, Guid Id)? after
    )
    {
        var where = Builders<AppointmentDocument>.Filter;
        var conditions = new List<FilterDefinition<AppointmentDocument>>();
        if (filter.DoctorId is { } doctorId)
        {
            conditions.Add(where.Eq(a => a.DoctorId, doctorId));
        }

        if (filter.PatientId is { } patientId)
        {
            conditions.Add(where.Eq(a => a.PatientId, patientId));
        }

        if (filter.From is { } from)
        {
            conditions.Add(where.Gte(a => a.StartsAt, from.UtcDateTime));
        }

        if (filter.To is { } to)
        {
            conditions.Add(where.Lt(a => a.StartsAt, to.UtcDateTime));
        }

        if (filter.Status is { } status)
        {
            conditions.Add(where.Eq(a => a.Status, status));
        }

        if (after is { } keyset)
        {
            var startsAt = keyset.StartsAt.UtcDateTime;
            conditions.Add(
                where.Or(
                    where.Gt(a => a.StartsAt, startsAt),
                    where.And(where.Eq(a => a.StartsAt, startsAt), where.Gt(a => a.Id, keyset.Id))
                )
            );
        }

        return conditions.Count == 0 ? where.Empty : where.And(conditions);
    }

    private static AppointmentListItem ToItem(
        AppointmentDocument appointment,
        DoctorDocument doctor,
        PatientDocument patient
    )
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(doctor.TimeZone);
        return new AppointmentListItem(
            appointment.Id,
            appointment.DoctorId,
            doctor.FullName,
            appointment.PatientId,
            patient.FullName,
            TimeZoneInfo.ConvertTime(new DateTimeOffset(appointment.StartsAt), zone),
            TimeZoneInfo.ConvertTime(new DateTimeOffset(appointment.EndsAt), zone),
            doctor.TimeZone,
            appointment.Status,
            appointment.Reason
        );
    }
}

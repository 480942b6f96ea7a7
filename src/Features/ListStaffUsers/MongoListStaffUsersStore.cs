using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ListStaffUsers;

internal sealed class MongoListStaffUsersStore(MongoClinic clinic) : IListStaffUsersStore, IMongoStore
{
    public async Task<IReadOnlyList<StaffUserItem>> ListAsync(CancellationToken ct)
    {
        var staff = await clinic
            .StaffUsers.Find(Builders<StaffUserDocument>.Filter.Empty)
            .SortBy(s => s.DisplayName)
            .ThenBy(s => s.Id)
            .ToListAsync(ct);
        var doctorIds = staff.Where(s => s.DoctorId is not null).Select(s => s.DoctorId!.Value).Distinct().ToList();
        var doctors = await clinic
            .Doctors.Find(Builders<DoctorDocument>.Filter.In(d => d.Id, doctorIds))
            .ToListAsync(ct);
        var names = doctors.ToDictionary(d => d.Id, d => d.FullName);
        return staff
            .Select(s => new StaffUserItem(
                s.Id,
                s.Email,
                s.DisplayName,
                s.Role,
                s.DoctorId,
                s.DoctorId is { } doctorId ? names.GetValueOrDefault(doctorId) : null,
                s.LockedUntil
            ))
            .ToList();
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.FindStaffUser;

internal sealed class MongoFindStaffUserStore(MongoClinic clinic) : IFindStaffUserStore, IMongoStore
{
    public async Task<StaffUserStanding?> FindAsync(Guid id, CancellationToken ct)
    {
        var staff = await clinic.StaffUsers.Find(s => s.Id == id).FirstOrDefaultAsync(ct);
        return staff is null
            ? null
            : new StaffUserStanding(
                new StaffMember(staff.Id, staff.Email, staff.DisplayName, staff.Role, staff.DoctorId),
                staff.LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
                staff.SessionGeneration
            );
    }
}

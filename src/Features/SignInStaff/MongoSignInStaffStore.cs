using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.SignInStaff;

internal sealed class MongoSignInStaffStore(MongoClinic clinic) : ISignInStaffStore, IMongoStore
{
    private static readonly FilterDefinitionBuilder<StaffUserDocument> Filter = Builders<StaffUserDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<StaffUserDocument> Update = Builders<StaffUserDocument>.Update;

    public async Task<StaffAccount?> FindAsync(string email, CancellationToken ct)
    {
        var key = email.ToLowerInvariant();
        var staff = await clinic.StaffUsers.Find(s => s.EmailKey == key).FirstOrDefaultAsync(ct);
        return staff is null
            ? null
            : new StaffAccount(
                new StaffMember(staff.Id, staff.Email, staff.DisplayName, staff.Role, staff.DoctorId),
                staff.PasswordHash,
                staff.LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
                staff.SessionGeneration
            );
    }

    // Each step is one atomic update, so concurrent failures all count. Of the failures that reach the limit, only
    // the one whose conditional update still finds the count there locks the account and takes the limit off the
    // count; the others find it below and leave their own increments in it, as PostgreSQL's single UPDATE does.
    public async Task<DateTimeOffset?> RecordFailureAsync(
        Guid id,
        int attempts,
        DateTimeOffset lockUntil,
        CancellationToken ct
    )
    {
        var counted = await clinic.StaffUsers.FindOneAndUpdateAsync(
            Filter.Eq(s => s.Id, id),
            Update.Inc(s => s.FailedSignIns, 1),
            new FindOneAndUpdateOptions<StaffUserDocument> { ReturnDocument = ReturnDocument.After },
            ct
        );
        if (counted is null || counted.FailedSignIns < attempts)
        {
            return null;
        }

        var locked = await clinic.StaffUsers.UpdateOneAsync(
            Filter.Eq(s => s.Id, id) & Filter.Gte(s => s.FailedSignIns, attempts),
            Update.Inc(s => s.FailedSignIns, -attempts).Set(s => s.LockedUntil, lockUntil.UtcDateTime),
            cancellationToken: ct
        );
        // BSON dates keep milliseconds: answer with the end as stored, which later sign-ins read.
        return locked.ModifiedCount == 1 ? lockUntil.AddTicks(-(lockUntil.Ticks % TimeSpan.TicksPerMillisecond)) : null;
    }

    public Task RecordSuccessAsync(Guid id, CancellationToken ct) =>
        clinic.StaffUsers.UpdateOneAsync(
            s => s.Id == id,
            Update.Set(s => s.FailedSignIns, 0).Set(s => s.LockedUntil, null),
            cancellationToken: ct
        );
}

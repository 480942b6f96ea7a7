using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.CreateStaffUser;

internal sealed class MongoStaffUserStore(MongoClinic clinic, TimeProvider clock) : IStaffUserStore, IMongoStore
{
    public async Task InsertAsync(StaffMember member, string passwordHash, CancellationToken ct)
    {
        try
        {
            await clinic.InTransactionAsync(
                async (session, token) =>
                {
                    // What PostgreSQL's foreign key checks; the doctor is read in the same snapshot as the insert.
                    if (
                        member.DoctorId is { } doctorId
                        && !await clinic.Doctors.Find(session, d => d.Id == doctorId).AnyAsync(token)
                    )
                    {
                        throw Rule.Broken(nameof(StaffMember.DoctorId), "There is no such doctor.");
                    }

                    await clinic.StaffUsers.InsertOneAsync(session, Document(member, passwordHash), null, token);
                    return true;
                },
                ct
            );
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            throw new ConflictException(
                ProblemTypes.EmailTaken,
                "Email already in use",
                "Another staff account has this email address."
            );
        }
    }

    public Task<bool> AnyAdminAsync(CancellationToken ct) =>
        clinic.StaffUsers.Find(s => s.Role == StaffRoles.Admin).AnyAsync(ct);

    // Two hosts starting at once may both find no admin; the email's unique index keeps one account.
    public async Task<bool> InsertFirstAdminAsync(StaffMember admin, string passwordHash, CancellationToken ct)
    {
        try
        {
            return await clinic.InTransactionAsync(
                async (session, token) =>
                {
                    if (await clinic.StaffUsers.Find(session, s => s.Role == StaffRoles.Admin).AnyAsync(token))
                    {
                        return false;
                    }

                    await clinic.StaffUsers.InsertOneAsync(session, Document(admin, passwordHash), null, token);
                    return true;
                },
                ct
            );
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            return false;
        }
    }

    private StaffUserDocument Document(StaffMember member, string passwordHash) =>
        new()
        {
            Id = member.Id,
            Email = member.Email,
            EmailKey = member.Email.ToLowerInvariant(),
            DisplayName = member.DisplayName,
            Role = member.Role,
            DoctorId = member.DoctorId,
            PasswordHash = passwordHash,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
}

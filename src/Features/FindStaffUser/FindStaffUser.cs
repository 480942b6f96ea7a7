using AppointmentSlices.Features.Staff;
using Mediator;

namespace AppointmentSlices.Features.FindStaffUser;

/// <summary>A staff account as it stands now, to re-check a signed-in session against; null when it is gone.</summary>
public sealed record FindStaffUserQuery(Guid Id) : IQuery<StaffUserStanding?>;

/// <summary>
/// The member (role and doctor as they are now), the end of a lockout, if one is running or ran, and the session
/// generation: a session signed in under an earlier one was signed out.
/// </summary>
public sealed record StaffUserStanding(StaffMember Member, DateTimeOffset? LockedUntil, int SessionGeneration = 0);

internal sealed class FindStaffUserHandler(IFindStaffUserStore store)
    : IQueryHandler<FindStaffUserQuery, StaffUserStanding?>
{
    public async ValueTask<StaffUserStanding?> Handle(FindStaffUserQuery query, CancellationToken ct) =>
        await store.FindAsync(query.Id, ct);
}

namespace AppointmentSlices.Features.Staff;

/// <summary>Settings under <c>Staff</c>: the lockout after repeated failed sign-ins.</summary>
public sealed class StaffOptions
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int LockoutAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

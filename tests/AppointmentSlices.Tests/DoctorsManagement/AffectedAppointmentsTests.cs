using System.Globalization;
using AppointmentSlices.Features.Scheduling;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

/// <summary>Which booked appointments a schedule change leaves off the schedule; pure, without a database.</summary>
public sealed class AffectedAppointmentsTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    [Theory]
    [InlineData("2026-03-17T09:00:00+01:00", 30, true)]
    [InlineData("2026-03-17T09:15:00+01:00", 30, false)]
    [InlineData("2026-03-17T13:30:00+01:00", 30, true)]
    [InlineData("2026-03-17T13:30:00+01:00", 60, false)]
    [InlineData("2026-03-17T14:00:00+01:00", 30, false)]
    [InlineData("2026-03-17T08:00:00Z", 30, true)]
    public void An_appointment_fits_when_it_starts_on_the_grid_and_stays_in_working_time(
        string startsAt,
        int minutes,
        bool fits
    )
    {
        var schedule = Schedule(("09:00", "14:00"));

        Assert.Equal(fits, AffectedAppointments.Fits(schedule, Appointment(startsAt, minutes)));
    }

    [Fact]
    public void An_appointment_in_time_off_does_not_fit()
    {
        var away = new TimeOff(new DateTime(2026, 3, 17, 9, 15, 0), new DateTime(2026, 3, 17, 9, 20, 0));
        var schedule = Schedule(("09:00", "14:00")) with { TimeOff = [away] };

        Assert.False(AffectedAppointments.Fits(schedule, Appointment("2026-03-17T09:00:00+01:00", 30)));
        Assert.True(AffectedAppointments.Fits(schedule, Appointment("2026-03-17T09:30:00+01:00", 30)));
    }

    [Fact]
    public void An_appointment_ending_at_midnight_fits_an_interval_ending_at_24_00()
    {
        var schedule = Schedule(("23:00", "24:00"));

        Assert.True(AffectedAppointments.Fits(schedule, Appointment("2026-03-17T23:30:00+01:00", 30)));
    }

    [Fact]
    public void Only_appointments_that_fit_before_and_not_after_are_affected_in_start_order()
    {
        var before = Schedule(("09:00", "14:00"));
        var after = Schedule(("10:00", "14:00"));
        var alreadyOff = Appointment("2026-03-17T08:00:00+01:00", 30);
        var late = Appointment("2026-03-17T09:30:00+01:00", 30);
        var early = Appointment("2026-03-17T09:00:00+01:00", 30);
        var kept = Appointment("2026-03-17T10:00:00+01:00", 30);

        var affected = AffectedAppointments.Of(before, after, [late, alreadyOff, kept, early]);

        Assert.Equal([early.Id, late.Id], affected.Select(a => a.Id));
        Assert.Equal(TimeSpan.FromHours(1), affected[0].StartsAt.Offset);
    }

    [Theory]
    [InlineData("Europe/Madrid", true)]
    [InlineData("UTC", true)]
    [InlineData("America/Indiana/Indianapolis", true)]
    [InlineData("EST5EDT", false)]
    [InlineData("GMT", false)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("right/Europe/Madrid", false)]
    [InlineData("Europe/Madrid ", false)]
    [InlineData(null, false)]
    public void Only_IANA_ids_with_a_region_or_UTC_are_zones_a_doctor_may_work_in(string? id, bool accepted) =>
        Assert.Equal(accepted, TimeZones.IsIanaZoneId(id));

    [Theory]
    [InlineData("00:00", false, 0)]
    [InlineData("23:59", false, 1439)]
    [InlineData("24:00", true, 1440)]
    public void Times_of_day_read_as_minutes_since_midnight(string text, bool isEnd, int minutes)
    {
        Assert.True(WallClock.TryParseTime(text, isEnd, out var time));
        Assert.Equal(TimeSpan.FromMinutes(minutes), time);
        Assert.Equal(text, WallClock.FormatTime(time));
    }

    [Theory]
    [InlineData("24:00", false)]
    [InlineData("24:01", true)]
    [InlineData("9:00", false)]
    [InlineData("09:60", false)]
    [InlineData("09-00", false)]
    [InlineData("", false)]
    public void Other_times_of_day_are_refused(string text, bool isEnd) =>
        Assert.False(WallClock.TryParseTime(text, isEnd, out _));

    private static DoctorSchedule Schedule(params (string Starts, string Ends)[] tuesday) =>
        new(
            Madrid,
            TimeSpan.FromMinutes(30),
            tuesday
                .Select(i => new WorkingHours(
                    DayOfWeek.Tuesday,
                    TimeSpan.Parse(i.Starts, CultureInfo.InvariantCulture),
                    i.Ends == "24:00" ? TimeSpan.FromHours(24) : TimeSpan.Parse(i.Ends, CultureInfo.InvariantCulture)
                ))
                .ToList(),
            []
        );

    private static AffectedAppointment Appointment(string startsAt, int minutes)
    {
        var starts = DateTimeOffset.Parse(startsAt, CultureInfo.InvariantCulture);
        return new AffectedAppointment(
            Guid.CreateVersion7(),
            starts,
            starts.AddMinutes(minutes),
            Guid.CreateVersion7(),
            "Paciente Prueba"
        );
    }
}

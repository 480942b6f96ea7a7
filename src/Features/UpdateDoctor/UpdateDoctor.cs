using System.Text.Json.Serialization;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.UpdateDoctor;

/// <summary>
/// Changes a doctor's name, specialty, time zone and slot length. A new zone or slot length moves the grid, so
/// future booked appointments that fall off it are listed: refused with 409 unless <c>Confirm</c> is true.
/// </summary>
public sealed record UpdateDoctorCommand(
    [property: JsonIgnore] Guid DoctorId,
    string FullName,
    string Specialty,
    string TimeZone,
    int SlotMinutes,
    bool Confirm = false
) : ICommand<UpdatedDoctor>, IChangesDoctorList;

public sealed record UpdatedDoctor(
    Guid Id,
    string FullName,
    string Specialty,
    string TimeZone,
    int SlotMinutes,
    bool IsActive,
    IReadOnlyList<AffectedAppointment> AffectedAppointments
);

internal sealed class UpdateDoctorValidator : AbstractValidator<UpdateDoctorCommand>
{
    public UpdateDoctorValidator()
    {
        RuleFor(c => c.DoctorId).NotEmpty();
        RuleFor(c => c.FullName).DoctorText(200);
        RuleFor(c => c.Specialty).DoctorText(100);
        RuleFor(c => c.TimeZone).IanaTimeZone();
        RuleFor(c => c.SlotMinutes).SlotMinutes();
    }
}

internal sealed class UpdateDoctorHandler(
    IDoctorLocks locks,
    IUpdateDoctorStore store,
    TimeProvider clock,
    ILogger<UpdateDoctorHandler> logger
) : ICommandHandler<UpdateDoctorCommand, UpdatedDoctor>
{
    public async ValueTask<UpdatedDoctor> Handle(UpdateDoctorCommand command, CancellationToken ct)
    {
        await using var locked = await locks.LockAsync(command.DoctorId, clock.GetUtcNow(), ct)
            ?? throw new NotFoundException("doctor", command.DoctorId);

        var before = locked.Doctor.Schedule;
        var after = before with
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById(command.TimeZone),
            SlotLength = TimeSpan.FromMinutes(command.SlotMinutes),
        };
        var affected = AffectedAppointments.Of(before, after, locked.FutureAppointments);
        AffectedAppointments.RequireConfirmation(affected, command.Confirm, "The new time zone or slot length");

        var doctor = new UpdatedDoctor(
            command.DoctorId,
            command.FullName.Trim(),
            command.Specialty.Trim(),
            command.TimeZone,
            command.SlotMinutes,
            locked.Doctor.IsActive,
            AffectedAppointments.InZone(affected, after.Zone)
        );
        await store.UpdateAsync(locked, doctor, ct);
        await locked.CommitAsync(ct);

        logger.LogInformation(
            "Updated doctor {DoctorId}: {TimeZone}, {SlotMinutes}-minute slots; {AffectedCount} appointments affected",
            doctor.Id,
            doctor.TimeZone,
            doctor.SlotMinutes,
            affected.Count
        );
        return doctor;
    }
}

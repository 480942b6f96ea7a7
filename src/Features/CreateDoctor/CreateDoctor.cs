using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Features.Scheduling;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppointmentSlices.Features.CreateDoctor;

/// <summary>
/// Adds a doctor who takes bookings from now on. Weekly hours may come now or later through
/// <c>PUT /api/doctors/{id}/working-hours</c>; a doctor without hours has no free slots.
/// </summary>
public sealed record CreateDoctorCommand(
    string FullName,
    string Specialty,
    string TimeZone,
    int SlotMinutes,
    IReadOnlyList<WorkingInterval>? WorkingHours = null
) : ICommand<DoctorDetails>, IChangesDoctorList;

internal sealed class CreateDoctorValidator : AbstractValidator<CreateDoctorCommand>
{
    public CreateDoctorValidator()
    {
        RuleFor(c => c.FullName).DoctorText(200);
        RuleFor(c => c.Specialty).DoctorText(100);
        RuleFor(c => c.TimeZone).IanaTimeZone();
        RuleFor(c => c.SlotMinutes).SlotMinutes();
        RuleFor(c => c.WorkingHours)
            .Custom((week, context) => WeeklyHours.Check(week, context, nameof(CreateDoctorCommand.WorkingHours)));
    }
}

internal sealed class CreateDoctorHandler(ICreateDoctorStore store, ILogger<CreateDoctorHandler> logger)
    : ICommandHandler<CreateDoctorCommand, DoctorDetails>
{
    public async ValueTask<DoctorDetails> Handle(CreateDoctorCommand command, CancellationToken ct)
    {
        var doctor = new DoctorDetails(
            Guid.CreateVersion7(),
            command.FullName.Trim(),
            command.Specialty.Trim(),
            command.TimeZone,
            command.SlotMinutes,
            IsActive: true,
            WeeklyHours.ToItems(WeeklyHours.Parse(command.WorkingHours ?? []))
        );

        await store.InsertAsync(doctor, ct);
        logger.LogInformation(
            "Created doctor {DoctorId} in {TimeZone} with {SlotMinutes}-minute slots",
            doctor.Id,
            doctor.TimeZone,
            doctor.SlotMinutes
        );
        return doctor;
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Patients;
using FluentValidation;

namespace AppointmentSlices.Features.BookAppointment;

internal sealed class BookAppointmentValidator : AbstractValidator<BookAppointmentCommand>
{
    public BookAppointmentValidator()
    {
        RuleFor(c => c.DoctorId).NotEmpty();
        RuleFor(c => c.StartsAt).NotEqual(default(DateTimeOffset)).WithMessage("'Starts At' must be given.");
        RuleFor(c => c.Reason)
            .NotEmpty()
            .MaximumLength(500)
            .Must(TextRules.IsFreeText)
            .WithMessage("'Reason' may hold line breaks but no other control characters.");

        RuleFor(c => c.Patient)
            .NotNull()
            .When(c => c.PatientId is null)
            .WithMessage("Give patientId for a registered patient, or patient (fullName, email, phone) for a new one.");
        RuleFor(c => c.Patient)
            .Null()
            .When(c => c.PatientId is not null)
            .WithMessage("Give either patientId or patient, not both.");
        RuleFor(c => c.PatientId).NotEqual(Guid.Empty).When(c => c.PatientId is not null);
        RuleFor(c => c.Patient!).SetValidator(new NewPatientValidator()).When(c => c.Patient is not null);
        RuleFor(c => c.ManageToken)
            .Must(ManageToken.IsWellFormed)
            .When(c => c.ManageToken is not null)
            .WithMessage("A manage token is 43 characters of URL-safe base64.");
        RuleFor(c => c.Actor)
            .Must(actor => actor is null || !string.IsNullOrWhiteSpace(actor.Value.Value))
            .WithMessage("Say who books: a patient, staff, the API or the system.");
    }
}

internal sealed class NewPatientValidator : AbstractValidator<NewPatient>
{
    public NewPatientValidator()
    {
        RuleFor(p => p.FullName).IsPatientName();
        RuleFor(p => p.Email).IsPatientEmail();
        RuleFor(p => p.Phone).IsPatientPhone();
    }
}

using AppointmentSlices.Features.Common;
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
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'Reason' must not contain control characters.");

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
    }
}

internal sealed class NewPatientValidator : AbstractValidator<NewPatient>
{
    public NewPatientValidator()
    {
        RuleFor(p => p.FullName)
            .NotEmpty()
            .MaximumLength(200)
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'Full Name' must not contain control characters.");
        RuleFor(p => p.Email)
            .NotEmpty()
            .MaximumLength(254)
            .EmailAddress()
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage("'Email' is not a valid email address.");
        RuleFor(p => p.Phone)
            .NotEmpty()
            .MaximumLength(32)
            .Matches(@"^\+?[0-9][0-9 ().\-]{5,31}$")
            .WithMessage("'Phone' must be a phone number such as +34 612 345 678.");
    }
}

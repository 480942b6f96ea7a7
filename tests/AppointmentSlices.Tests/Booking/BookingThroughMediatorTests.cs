using AppointmentSlices.Features.BookAppointment;
using AppointmentSlices.Features.GetAppointment;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AppointmentSlices.Tests.Booking;

[Collection("Database")]
public sealed class BookingThroughMediatorTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private static readonly DateTimeOffset TuesdayNine = new(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(1));

    private IMediator Mediator => App.Services.GetRequiredService<IMediator>();

    [ProviderFact]
    public async Task A_booked_appointment_can_be_read_back()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync("Andrés Molina Ruiz");
        var patient = new NewPatient("Carmen Ortega", "carmen@example.org", "+34 612 345 678");
        var command = new BookAppointmentCommand(doctorId, TuesdayNine, " Migraña ", Patient: patient);

        var booked = await Mediator.Send(command);
        var read = await Mediator.Send(new GetAppointmentQuery(booked.Id));

        Assert.Equal(booked.Id, read.Id);
        Assert.Equal(doctorId, read.DoctorId);
        Assert.Equal("Andrés Molina Ruiz", read.DoctorName);
        Assert.Equal(booked.PatientId, read.PatientId);
        Assert.Equal(TuesdayNine, read.StartsAt);
        Assert.Equal(TimeSpan.FromHours(1), read.StartsAt.Offset);
        Assert.Equal(TuesdayNine.AddMinutes(30), read.EndsAt);
        Assert.Equal("Europe/Madrid", read.TimeZone);
        Assert.Equal("Scheduled", read.Status);
        Assert.Equal("Migraña", read.Reason);
        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task A_new_patient_whose_email_is_registered_is_booked_as_that_patient()
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patientId = await Clinic.AddPatientAsync(email: "carmen@example.org");
        var patient = new NewPatient("Carmen Ortega", "CARMEN@Example.org", "+34 612 345 678");
        var command = new BookAppointmentCommand(doctorId, TuesdayNine, "Migraña", Patient: patient);

        var booked = await Mediator.Send(command);

        Assert.Equal(patientId, booked.PatientId);
        Assert.Equal(1, await Clinic.CountPatientsAsync());
    }

    [ProviderTheory]
    [InlineData("", "Carmen Ortega", "carmen@example.org", "+34 612 345 678", "Reason")]
    [InlineData("Migraña", "", "carmen@example.org", "+34 612 345 678", "Patient.FullName")]
    [InlineData("Migraña", "Carmen Ortega", "not-an-email", "+34 612 345 678", "Patient.Email")]
    [InlineData("Migraña", "Carmen Ortega", "carmen@example.org", "call me", "Patient.Phone")]
    public async Task An_invalid_booking_throws_a_validation_exception_naming_the_field(
        string reason,
        string fullName,
        string email,
        string phone,
        string field
    )
    {
        var doctorId = await Clinic.AddMadridDoctorAsync();
        var patient = new NewPatient(fullName, email, phone);
        var command = new BookAppointmentCommand(doctorId, TuesdayNine, reason, Patient: patient);

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await Mediator.Send(command));

        Assert.Equal([field], error.Errors.Select(e => e.PropertyName).Distinct());
        Assert.Equal(0, await Clinic.CountAppointmentsAsync());
        Assert.Equal(0, await Clinic.CountPatientsAsync());
    }

    [ProviderFact]
    public async Task Booking_with_an_unknown_doctor_throws_a_validation_exception_naming_the_doctor()
    {
        var patient = new NewPatient("Carmen Ortega", "carmen@example.org", "+34 612 345 678");
        var command = new BookAppointmentCommand(Guid.CreateVersion7(), TuesdayNine, "Migraña", Patient: patient);

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await Mediator.Send(command));

        Assert.Contains(error.Errors, e => e.PropertyName == "doctorId");
    }
}

using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;

namespace AppointmentSlices.Features.Patients;

/// <summary>How the patient slices' Mongo stores read and write a patient document.</summary>
internal static class MongoPatients
{
    public static PatientDetails ToDetails(PatientDocument p) =>
        new(
            p.Id,
            p.FullName,
            p.Email,
            p.Phone,
            new DateTimeOffset(p.CreatedAt),
            new DateTimeOffset(p.UpdatedAt),
            p.ErasedAt is { } erased ? new DateTimeOffset(erased) : null
        );

    /// <summary>The email as the unique index compares it: lower-cased, as PostgreSQL's lower(email).</summary>
    public static string EmailKey(string email) => email.ToLowerInvariant();

    public static PatientDocument ToDocument(PatientDetails patient) =>
        new()
        {
            Id = patient.Id,
            FullName = patient.FullName,
            Email = patient.Email,
            EmailKey = EmailKey(patient.Email),
            Phone = patient.Phone,
            PhoneDigits = SearchText.Digits(patient.Phone),
            SearchName = SearchText.Key(patient.FullName),
            CreatedAt = patient.RegisteredAt.UtcDateTime,
            UpdatedAt = patient.UpdatedAt.UtcDateTime,
            ErasedAt = patient.ErasedAt?.UtcDateTime,
        };
}

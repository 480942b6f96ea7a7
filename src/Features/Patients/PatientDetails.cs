namespace AppointmentSlices.Features.Patients;

/// <summary>
/// A patient's own details. <c>ErasedAt</c> is set once they have been erased on request: the record stays,
/// anonymised, so the clinic's appointment history remains whole.
/// </summary>
public sealed record PatientDetails(
    Guid Id,
    string FullName,
    string Email,
    string Phone,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ErasedAt
);

/// <summary>A patient row as the stores read it; Npgsql gives timestamptz as UTC <see cref="DateTime"/>.</summary>
internal sealed record PatientRow(
    Guid Id,
    string FullName,
    string Email,
    string Phone,
    DateTime RegisteredAt,
    DateTime UpdatedAt,
    DateTime? ErasedAt
)
{
    /// <summary>The columns, aliased to this record's members.</summary>
    public const string Columns = """
        id AS Id, full_name AS FullName, email AS Email, phone AS Phone, created_at AS RegisteredAt,
        updated_at AS UpdatedAt, erased_at AS ErasedAt
        """;

    public PatientDetails ToDetails() =>
        new(
            Id,
            FullName,
            Email,
            Phone,
            new DateTimeOffset(RegisteredAt),
            new DateTimeOffset(UpdatedAt),
            ErasedAt is { } erased ? new DateTimeOffset(erased) : null
        );
}

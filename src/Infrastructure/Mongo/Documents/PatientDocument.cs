namespace AppointmentSlices.Infrastructure.Mongo.Documents;

/// <summary>A patient in the <c>patients</c> collection.</summary>
public sealed class PatientDocument
{
    public Guid Id { get; set; }

    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>The email lower-cased; its unique index keeps one patient per address in any case.</summary>
    public string EmailKey { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>The phone's digits only, so "600 123 456" and "600-123-456" find each other.</summary>
    public string PhoneDigits { get; set; } = "";

    /// <summary>The name lower-cased without accents (see <see cref="SearchText"/>).</summary>
    public string SearchName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ErasedAt { get; set; }
}

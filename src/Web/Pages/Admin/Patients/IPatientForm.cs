namespace AppointmentSlices.Web.Pages.Admin.Patients;

/// <summary>The fields of a patient's details, as the register and the edit forms both show them.</summary>
public interface IPatientForm
{
    string? FullName { get; }

    string? Email { get; }

    string? Phone { get; }
}

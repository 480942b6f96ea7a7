namespace AppointmentSlices.Web.Localization;

/// <summary>
/// The words of the patient pages. Each key is the English text, which English readers get as it is;
/// PatientText.es.resx holds the Spanish.
/// </summary>
public sealed class PatientText;

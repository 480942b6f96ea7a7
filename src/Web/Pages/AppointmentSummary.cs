using AppointmentSlices.Features.GetAppointment;

namespace AppointmentSlices.Web.Pages;

/// <summary>An appointment as the patient pages list it, its times already on the doctor's wall clock.</summary>
public sealed record AppointmentSummary(
    AppointmentDetails Appointment,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool ShowReason
);

namespace AppointmentSlices.Features.Common;

/// <summary>The clinic's booking policy, from the "Booking" configuration section.</summary>
public sealed class BookingOptions
{
    /// <summary>How many days ahead a patient may book.</summary>
    public int HorizonDays { get; set; } = 90;
}

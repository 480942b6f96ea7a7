using System.Globalization;
using System.Text.Json;
using AppointmentSlices.Bench.Data;

namespace AppointmentSlices.Bench.Load;

/// <summary>One of the six routes of the study and the requests that spread it over the dataset.</summary>
public sealed record Endpoint(string Name, string Method, string Route, bool StaffOnly, string Spread)
{
    public static readonly Endpoint Appointments = new(
        "appointments",
        "GET",
        "/api/appointments?doctorId=&from=&to=",
        true,
        "a random doctor's week, anywhere in the two years"
    );
    public static readonly Endpoint Slots = new(
        "slots",
        "GET",
        "/api/doctors/available-slots?doctorId=&date=",
        false,
        "a random doctor's day within the booking horizon"
    );
    public static readonly Endpoint Patients = new(
        "patients",
        "GET",
        "/api/patients?q=",
        true,
        "one request in three the first page, the rest a search for a surname or part of one"
    );
    public static readonly Endpoint Doctors = new(
        "doctors",
        "GET",
        "/api/doctors?specialty=",
        false,
        "half the first page of all doctors, half one specialty's"
    );
    public static readonly Endpoint Health = new("health", "GET", "/api/health", false, "always the same");
    public static readonly Endpoint Booking = new(
        "booking",
        "POST",
        "/api/appointments",
        false,
        "distinct free slots, each with a registered patient free at that time"
    );

    public static readonly IReadOnlyList<Endpoint> All = [Appointments, Slots, Patients, Doctors, Health, Booking];

    public static readonly IReadOnlyList<string> Names = All.Select(e => e.Name).ToList();

    private const int RequestsPerFile = 20_000;

    /// <summary>Writes the requests file wrk cycles through; bookings use the scenario's own share of free slots.</summary>
    public void WriteRequests(string file, ClinicDataset data, int share, int shares)
    {
        var random = new Random(DatasetGenerator.Seed + Name.Length);
        var lines = Name switch
        {
            "booking" => data.FreeSlots.Where((_, i) => i % shares == share).Select(slot => BookingLine(data, slot)),
            _ => Enumerable.Range(0, RequestsPerFile).Select(_ => ReadLine(data, random)),
        };
        File.WriteAllLines(file, lines);
    }

    private string ReadLine(ClinicDataset data, Random random)
    {
        var calendar = data.Calendar;
        string Doctor() => data.Doctors[random.Next(data.Doctors.Count)].Id.ToString();
        string Date(int day) => calendar.DateOf(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (Name)
        {
            case "appointments":
                var first = random.Next(calendar.DayCount - 7);
                return $"/api/appointments?doctorId={Doctor()}&from={Date(first)}&to={Date(first + 6)}";
            case "slots":
                return $"/api/doctors/available-slots?doctorId={Doctor()}&date={Date(calendar.TodayIndex + 1 + random.Next(85))}";
            case "patients":
                return random.Next(3) == 0
                    ? "/api/patients"
                    : $"/api/patients?q={Uri.EscapeDataString(data.SearchTerms[random.Next(data.SearchTerms.Count)])}";
            case "doctors":
                var specialty = data.Doctors[random.Next(data.Doctors.Count)].Specialty;
                return random.Next(2) == 0
                    ? "/api/doctors"
                    : $"/api/doctors?specialty={Uri.EscapeDataString(specialty)}";
            default:
                return Route;
        }
    }

    private static string BookingLine(ClinicDataset data, FreeSlot slot)
    {
        var body = JsonSerializer.Serialize(
            new
            {
                doctorId = data.Doctors[slot.Doctor].Id,
                startsAt = data
                    .Calendar.StartOf(slot.Day, slot.Slot)
                    .ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                reason = "Consulta programada",
                patientId = data.Patients[slot.Patient].Id,
            }
        );
        return $"/api/appointments\t{body}";
    }
}

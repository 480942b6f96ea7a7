using Bogus;
using Bogus.DataSets;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>The clinic's doctors: specialties, slot lengths, weekly hours and a little time off.</summary>
internal static class DemoDoctors
{
    public const string TimeZone = "Europe/Madrid";

    private static readonly (string Specialty, int Doctors)[] Staffing =
    [
        ("Medicina familiar", 9),
        ("Pediatría", 6),
        ("Cardiología", 4),
        ("Dermatología", 4),
        ("Ginecología", 4),
        ("Traumatología", 4),
        ("Oftalmología", 3),
        ("Psiquiatría", 2),
    ];

    private static readonly DayOfWeek[] Weekdays =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
    ];

    // Doctor and patient ids carry fixed timestamps, so a fresh seed always yields the same ids.
    private static readonly DateTimeOffset IdBase = new(2025, 1, 7, 8, 0, 0, TimeSpan.Zero);

    public static List<DemoDoctor> Create(Faker faker, DemoIds ids, DateOnly today)
    {
        var doctors = new List<DemoDoctor>();
        foreach (var (specialty, count) in Staffing)
        {
            for (var i = 0; i < count; i++)
            {
                var gender = faker.PickRandom<Name.Gender>();
                var fullName = $"{faker.Name.FirstName(gender)} {faker.Name.LastName()} {faker.Name.LastName()}";
                int[] slotChoices = specialty == "Psiquiatría" ? [30] : [15, 20, 20, 30];
                var slotMinutes = faker.PickRandom(slotChoices);
                var id = ids.At(IdBase.AddMinutes(doctors.Count));
                doctors.Add(
                    new DemoDoctor(id, fullName, specialty, slotMinutes, WeeklyHours(faker), TimeOff(faker, ids, today))
                );
            }
        }

        return doctors;
    }

    private static List<DemoWorkingHours> WeeklyHours(Faker faker)
    {
        var hours = new List<DemoWorkingHours>();
        void Add(DayOfWeek day, int fromHour, int fromMinute, int toHour, int toMinute) =>
            hours.Add(new DemoWorkingHours(day, new TimeOnly(fromHour, fromMinute), new TimeOnly(toHour, toMinute)));

        var pattern = faker.Random.WeightedRandom(
            ["split", "split-early", "mornings", "afternoons", "split-saturday"],
            [0.35f, 0.2f, 0.2f, 0.1f, 0.15f]
        );
        foreach (var day in Weekdays)
        {
            switch (pattern)
            {
                case "mornings":
                    Add(day, 8, 0, 15, 0);
                    break;
                case "afternoons":
                    Add(day, 14, 30, 21, 0);
                    break;
                case "split-early":
                    Add(day, 8, 30, 13, 30);
                    // Friday afternoons off.
                    if (day != DayOfWeek.Friday)
                    {
                        Add(day, 15, 0, 18, 0);
                    }

                    break;
                default:
                    Add(day, 9, 0, 14, 0);
                    Add(day, 15, 30, 19, 0);
                    break;
            }
        }

        if (pattern == "split-saturday")
        {
            Add(DayOfWeek.Saturday, 9, 0, 13, 0);
        }

        return hours;
    }

    private static List<DemoTimeOff> TimeOff(Faker faker, DemoIds ids, DateOnly today)
    {
        var timeOff = new List<DemoTimeOff>();
        void Add(DateTime start, DateTime end, string reason) =>
            timeOff.Add(new DemoTimeOff(ids.At(IdBase), start, end, reason));

        if (faker.Random.Bool(0.3f))
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 7 * faker.Random.Int(-7, 4));
            var start = monday.ToDateTime(TimeOnly.MinValue);
            Add(start, start.AddDays(7), "Vacaciones");
        }

        if (faker.Random.Bool(0.4f))
        {
            var day = today.AddDays(faker.Random.Int(-55, 25));
            day = day.AddDays(
                day.DayOfWeek switch
                {
                    DayOfWeek.Saturday => 2,
                    DayOfWeek.Sunday => 1,
                    _ => 0,
                }
            );
            var start = day.ToDateTime(TimeOnly.MinValue);
            Add(start, start.AddDays(1), faker.PickRandom("Asuntos propios", "Congreso médico", "Formación"));
        }

        if (faker.Random.Bool(0.2f))
        {
            var start = today.AddDays(faker.Random.Int(-30, 20)).ToDateTime(new TimeOnly(9, 0));
            Add(start, start.AddHours(3), "Cita personal");
        }

        return timeOff;
    }
}

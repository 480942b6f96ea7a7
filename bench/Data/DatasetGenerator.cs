using System.Diagnostics;
using Bogus;

namespace AppointmentSlices.Bench.Data;

/// <summary>
/// Builds the clinic with Bogus from a fixed seed: the same scale and day give the same data. Appointments are
/// drawn by selection sampling over every doctor's grid (exactly the number the scale asks for), each given a
/// patient who has nothing else at that time, so the data obeys the database's no-overlap rules.
/// </summary>
public static class DatasetGenerator
{
    public const int Seed = 20_260_601;
    private static readonly string[] Specialties =
    [
        "Medicina familiar",
        "Pediatría",
        "Cardiología",
        "Dermatología",
        "Ginecología",
        "Traumatología",
        "Oftalmología",
        "Psiquiatría",
        "Neurología",
        "Endocrinología",
        "Otorrinolaringología",
        "Urología",
    ];

    private static readonly string[] Reasons =
    [
        "Revisión anual",
        "Dolor de espalda",
        "Control de tensión",
        "Resultados de análisis",
        "Tos persistente",
        "Dolor de cabeza",
        "Revisión de lunares",
        "Vacunación",
        "Renovación de receta",
        "Dolor de rodilla",
        "Consulta de seguimiento",
        "Mareos",
        "Alergia estacional",
        "Control de diabetes",
        "Insomnio",
    ];

    public static ClinicDataset Generate(BenchScale scale, DateOnly today)
    {
        var started = Stopwatch.GetTimestamp();
        var faker = new Faker("es") { Random = new Randomizer(Seed) };
        var ids = new SeededIds(faker.Random);
        var calendar = new BenchCalendar(today);
        // Times derive from the day, not the clock, so one day's runs load identical data.
        var now = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var doctors = Enumerable.Range(0, scale.Doctors).Select(_ => Doctor(faker, ids, calendar, now)).ToList();
        var patients = Enumerable.Range(0, scale.Patients).Select(i => Patient(faker, ids, now, i)).ToList();
        var busy = new HashSet<long>(scale.Appointments * 3 / 2);
        var (appointments, candidates) = Appointments(faker.Random, ids, calendar, doctors, scale, busy, now);
        var freeSlots = FreeSlots(faker.Random, candidates, scale.Patients, busy);
        var terms = patients
            .Take(20_000)
            .Select(p => p.FullName.Split(' ')[^1])
            .Where(name => name.Length >= 4)
            .Select((name, i) => i % 3 == 0 ? name : name[..4].ToLowerInvariant())
            .Distinct()
            .Take(2_000)
            .ToList();

        return new ClinicDataset
        {
            Scale = scale,
            Calendar = calendar,
            Doctors = doctors,
            Patients = patients,
            Appointments = appointments,
            FreeSlots = freeSlots,
            SearchTerms = terms,
            GenerationTime = Stopwatch.GetElapsedTime(started),
        };
    }

    private static BenchDoctor Doctor(Faker faker, SeededIds ids, BenchCalendar calendar, DateTimeOffset now)
    {
        var title = faker.Random.Bool() ? "Dra." : "Dr.";
        var name = $"{title} {faker.Name.FirstName()} {faker.Name.LastName()} {faker.Name.LastName()}";
        // A week of leave somewhere in the two years.
        var leave = faker.Random.Int(0, calendar.DayCount - 8);
        return new BenchDoctor(ids.At(now.AddYears(-3)), name, faker.PickRandom(Specialties), leave, leave + 7);
    }

    private static BenchPatient Patient(Faker faker, SeededIds ids, DateTimeOffset now, int index)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var created = now.AddDays(-faker.Random.Int(400, 3_000));
        var email = $"{index}.{faker.Internet.Email(first, last)}".ToLowerInvariant();
        return new BenchPatient(
            ids.At(created),
            $"{first} {last} {faker.Name.LastName()}",
            email,
            faker.Phone.PhoneNumber("6## ### ###"),
            created
        );
    }

    private static (List<BenchAppointment>, List<(int Doctor, int Day, int Slot)>) Appointments(
        Randomizer random,
        SeededIds ids,
        BenchCalendar calendar,
        List<BenchDoctor> doctors,
        BenchScale scale,
        HashSet<long> busy,
        DateTimeOffset now
    )
    {
        var workdays = Enumerable.Range(0, calendar.DayCount).Where(calendar.IsWorkday).ToArray();
        long remainingSlots =
            doctors.Sum(d => workdays.Count(day => day < d.LeaveFromDay || day >= d.LeaveToDay))
            * (long)BenchCalendar.SlotsPerDay;
        long needed = scale.Appointments;
        var appointments = new List<BenchAppointment>(scale.Appointments);
        var candidates = new List<(int, int, int)>();
        var bookableFrom = calendar.TodayIndex + 2;
        var bookableTo = calendar.TodayIndex + 80;

        for (var doctor = 0; doctor < doctors.Count; doctor++)
        {
            var leave = (doctors[doctor].LeaveFromDay, doctors[doctor].LeaveToDay);
            foreach (var day in workdays)
            {
                if (day >= leave.LeaveFromDay && day < leave.LeaveToDay)
                {
                    continue;
                }

                for (var slot = 0; slot < BenchCalendar.SlotsPerDay; slot++)
                {
                    // Knuth's selection sampling: exactly `needed` of the remaining slots end up chosen.
                    if (random.Double() * remainingSlots-- < needed)
                    {
                        needed--;
                        appointments.Add(
                            Appointment(random, ids, calendar, busy, doctor, day, slot, scale.Patients, now)
                        );
                    }
                    else if (day >= bookableFrom && day < bookableTo)
                    {
                        candidates.Add((doctor, day, slot));
                    }
                }
            }
        }

        return (appointments, candidates);
    }

    private static BenchAppointment Appointment(
        Randomizer random,
        SeededIds ids,
        BenchCalendar calendar,
        HashSet<long> busy,
        int doctor,
        int day,
        int slot,
        int patients,
        DateTimeOffset now
    )
    {
        var patient = FreePatient(random, busy, patients, day, slot);
        var startsAt = calendar.StartOf(day, slot);
        var created = startsAt.AddDays(-random.Int(1, 60));
        created = created < now ? created : now;
        var roll = random.Int(0, 99);
        var status =
            day < calendar.TodayIndex
                ? roll < 85
                    ? "Completed"
                    : roll < 90
                        ? "NoShow"
                        : "Cancelled"
                : roll < 92
                    ? "Scheduled"
                    : "Cancelled";
        return new BenchAppointment(
            ids.At(created),
            doctor,
            patient,
            day,
            slot,
            status,
            random.ArrayElement(Reasons),
            created
        );
    }

    private static List<FreeSlot> FreeSlots(
        Randomizer random,
        List<(int Doctor, int Day, int Slot)> candidates,
        int patients,
        HashSet<long> busy
    )
    {
        var shuffled = random.Shuffle(candidates);
        return shuffled
            .Select(c => new FreeSlot(c.Doctor, FreePatient(random, busy, patients, c.Day, c.Slot), c.Day, c.Slot))
            .ToList();
    }

    /// <summary>A patient with nothing else at that day and slot, marked busy there from now on.</summary>
    private static int FreePatient(Randomizer random, HashSet<long> busy, int patients, int day, int slot)
    {
        while (true)
        {
            var patient = random.Int(0, patients - 1);
            if (busy.Add(((long)patient << 20) | ((long)day * BenchCalendar.SlotsPerDay + slot)))
            {
                return patient;
            }
        }
    }
}

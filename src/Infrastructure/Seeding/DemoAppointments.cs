using Bogus;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>
/// Fills a share of every doctor's slots from 60 days ago to 30 days ahead. Each appointment sits on its doctor's
/// grid (interval start + k × slot length, the whole slot inside the interval), outside time off, and never
/// overlaps another active appointment of the same doctor or patient.
/// </summary>
internal static class DemoAppointments
{
    private static readonly string[] CommonReasons =
    [
        "Revisión anual",
        "Consulta de seguimiento",
        "Resultados de análisis",
        "Primera visita",
        "Renovación de receta",
        "Control rutinario",
    ];

    private static readonly Dictionary<string, string[]> ReasonsBySpecialty = new()
    {
        ["Medicina familiar"] = ["Dolor de espalda", "Fiebre y tos", "Dolor de garganta", "Control de tensión"],
        ["Pediatría"] = ["Vacunación", "Revisión del niño sano", "Otitis", "Fiebre alta"],
        ["Cardiología"] = ["Palpitaciones", "Electrocardiograma", "Dolor en el pecho", "Control de hipertensión"],
        ["Dermatología"] = ["Revisión de lunares", "Acné", "Eccema", "Picor en la piel"],
        ["Ginecología"] = ["Revisión ginecológica", "Control de embarazo", "Citología"],
        ["Traumatología"] = ["Dolor de rodilla", "Esguince de tobillo", "Dolor de hombro", "Lumbalgia"],
        ["Oftalmología"] = ["Revisión de la vista", "Ojo rojo", "Control de presión ocular"],
        ["Psiquiatría"] = ["Ansiedad", "Insomnio", "Seguimiento de tratamiento"],
    };

    public static List<DemoAppointment> Create(
        Faker faker,
        DemoIds ids,
        IReadOnlyList<DemoDoctor> doctors,
        IReadOnlyList<DemoPatient> patients,
        DateTimeOffset now
    )
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoDoctors.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var patientBookings = new List<(DateTimeOffset Start, DateTimeOffset End)>[patients.Count];
        var appointments = new List<DemoAppointment>();
        foreach (var doctor in doctors)
        {
            var share = faker.Random.Double(0.3, 0.55);
            var slot = TimeSpan.FromMinutes(doctor.SlotMinutes);
            var specialtyReasons = ReasonsBySpecialty[doctor.Specialty];
            // Grid slots never overlap, except around a daylight-saving change when hours span it; this guards that.
            var doctorFreeFrom = DateTimeOffset.MinValue;
            for (var day = today.AddDays(-60); day <= today.AddDays(30); day = day.AddDays(1))
            {
                // Near days are busier than far ones.
                var daysAhead = day.DayNumber - today.DayNumber;
                var fill = daysAhead <= 0 ? share : share * (1 - 0.6 * daysAhead / 30.0);
                foreach (var local in GridStarts(doctor, day))
                {
                    if (!faker.Random.Bool((float)fill) || zone.IsInvalidTime(local) || IsTimeOff(doctor, local, slot))
                    {
                        continue;
                    }

                    var startsAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
                    var endsAt = startsAt + slot;
                    var status = Status(faker, startsAt, endsAt, now);
                    var patient = FreePatient(faker, patientBookings, startsAt, endsAt, status);
                    if (patient < 0 || startsAt < doctorFreeFrom)
                    {
                        continue;
                    }

                    doctorFreeFrom = endsAt;

                    var createdAt = startsAt.AddDays(-faker.Random.Int(1, 40)).AddMinutes(-faker.Random.Int(0, 600));
                    createdAt = createdAt < now ? createdAt : now.AddMinutes(-faker.Random.Int(1, 600));
                    appointments.Add(
                        new DemoAppointment(
                            ids.At(createdAt),
                            doctor.Id,
                            patients[patient].Id,
                            startsAt,
                            endsAt,
                            status,
                            faker.PickRandom(faker.Random.Bool(0.6f) ? specialtyReasons : CommonReasons),
                            createdAt
                        )
                    );
                }
            }
        }

        return appointments;
    }

    private static IEnumerable<DateTime> GridStarts(DemoDoctor doctor, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        foreach (var hours in doctor.WorkingHours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Start))
        {
            var start = (int)hours.Start.ToTimeSpan().TotalMinutes;
            var end = (int)hours.End.ToTimeSpan().TotalMinutes;
            for (var minute = start; minute + doctor.SlotMinutes <= end; minute += doctor.SlotMinutes)
            {
                yield return midnight.AddMinutes(minute);
            }
        }
    }

    private static bool IsTimeOff(DemoDoctor doctor, DateTime localStart, TimeSpan slot) =>
        doctor.TimeOff.Any(off => localStart < off.End && off.Start < localStart + slot);

    private static string Status(Faker faker, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (endsAt <= now)
        {
            return faker.Random.WeightedRandom(["Completed", "NoShow", "Cancelled"], [0.85f, 0.06f, 0.09f]);
        }

        return startsAt > now && faker.Random.Bool(0.1f) ? "Cancelled" : "Scheduled";
    }

    // A few tries at a patient who is free then; the slot stays empty when none is.
    private static int FreePatient(
        Faker faker,
        List<(DateTimeOffset Start, DateTimeOffset End)>[] bookings,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string status
    )
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = faker.Random.Int(0, bookings.Length - 1);
            var booked = bookings[candidate] ??= [];
            if (status == "Cancelled")
            {
                return candidate;
            }

            if (!booked.Any(b => b.Start < endsAt && startsAt < b.End))
            {
                booked.Add((startsAt, endsAt));
                return candidate;
            }
        }

        return -1;
    }
}

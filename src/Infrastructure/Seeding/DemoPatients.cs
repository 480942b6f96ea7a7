using System.Text;
using Bogus;
using Bogus.DataSets;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>Patients with Spanish names, unique lower-case emails on reserved example domains, mobile phones.</summary>
internal static class DemoPatients
{
    private static readonly DateTimeOffset IdBase = new(2025, 1, 8, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Domains = ["example.com", "example.org", "example.net"];
    private static readonly string[] RareSurnames = ["O'Donnell", "D'Ors", "O'Ryan", "D'Angelo"];

    public static List<DemoPatient> Create(Faker faker, DemoIds ids, DateTimeOffset now, int count)
    {
        var patients = new List<DemoPatient>(count);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var gender = faker.PickRandom<Name.Gender>();
            var firstName = faker.Random.Bool(0.15f)
                ? $"{faker.Name.FirstName(gender)} {faker.Name.FirstName(gender)}"
                : faker.Name.FirstName(gender);
            var surname = faker.Random.Bool(0.02f) ? faker.PickRandom(RareSurnames) : faker.Name.LastName();
            var fullName = $"{firstName} {surname} {faker.Name.LastName()}";

            var email = $"{Slug(firstName)}.{Slug(surname)}@{faker.PickRandom(Domains)}";
            for (var suffix = 2; !emails.Add(email); suffix++)
            {
                email = $"{Slug(firstName)}.{Slug(surname)}{suffix}@{faker.PickRandom(Domains)}";
            }

            var phone = faker.Random.ReplaceNumbers("+34 6## ### ###");
            var created = IdBase.AddHours(2 * i);
            patients.Add(new DemoPatient(ids.At(created), fullName, email, phone, created < now ? created : now));
        }

        return patients;
    }

    // "José Ángel" -> "joseangel", "O'Donnell" -> "odonnell".
    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            // Decomposition splits "á" and "ñ" into a plain letter and an accent mark; the mark is dropped.
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
        }

        return slug.ToString();
    }
}

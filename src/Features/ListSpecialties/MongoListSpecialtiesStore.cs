using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ListSpecialties;

/// <summary>
/// Groups in memory: a clinic has tens or hundreds of doctors, and the same rule as PostgreSQL's GROUP BY is
/// plain here, one spelling per accent-free key (the first in byte order), ordered by that key.
/// </summary>
internal sealed class MongoListSpecialtiesStore(MongoClinic clinic) : IListSpecialtiesStore, IMongoStore
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct)
    {
        var doctors = await clinic
            .Doctors.Find(d => d.IsActive)
            .Project<DoctorDocument>(
                Builders<DoctorDocument>.Projection.Include(d => d.Specialty).Include(d => d.SearchSpecialty)
            )
            .ToListAsync(ct);
        return doctors
            .GroupBy(d => d.SearchSpecialty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(d => d.Specialty).Min(StringComparer.Ordinal)!)
            .ToList();
    }
}

using System.Text.RegularExpressions;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ListDoctors;

internal sealed class MongoListDoctorsStore(MongoClinic clinic) : IListDoctorsStore, IMongoStore
{
    private static readonly FilterDefinitionBuilder<DoctorDocument> Filter = Builders<DoctorDocument>.Filter;

    /// <remarks>
    /// Ordered by the accent-free name, then id, as PostgreSQL does: its "C" collation and MongoDB's string order
    /// both compare bytes, and both compare uuids byte by byte.
    /// </remarks>
    public async Task<IReadOnlyList<SortedDoctor>> ListAsync(
        string? specialty,
        string? name,
        (string Key, Guid Id)? after,
        bool includeInactive,
        int take,
        CancellationToken ct
    )
    {
        var filters = new List<FilterDefinition<DoctorDocument>>();
        if (!includeInactive)
        {
            filters.Add(Filter.Eq(d => d.IsActive, true));
        }

        if (specialty is not null)
        {
            filters.Add(Filter.Eq(d => d.SearchSpecialty, SearchText.Key(specialty)));
        }

        if (name is not null)
        {
            filters.Add(Filter.Regex(d => d.SearchName, new BsonRegularExpression(Regex.Escape(SearchText.Key(name)))));
        }

        if (after is var (key, id))
        {
            filters.Add(
                Filter.Or(
                    Filter.Gt(d => d.SearchName, key),
                    Filter.And(Filter.Eq(d => d.SearchName, key), Filter.Gt(d => d.Id, id))
                )
            );
        }

        var doctors = await clinic
            .Doctors.Find(filters.Count == 0 ? Filter.Empty : Filter.And(filters))
            .SortBy(d => d.SearchName)
            .ThenBy(d => d.Id)
            .Limit(take)
            .ToListAsync(ct);
        return doctors
            .Select(d => new SortedDoctor(
                new DoctorListItem(d.Id, d.FullName, d.Specialty, d.TimeZone, d.SlotMinutes, d.IsActive),
                d.SearchName
            ))
            .ToList();
    }
}

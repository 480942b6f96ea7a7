using System.Text.RegularExpressions;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AppointmentSlices.Features.ListPatients;

internal sealed class MongoListPatientsStore(MongoClinic clinic) : IListPatientsStore, IMongoStore
{
    private static readonly FilterDefinitionBuilder<PatientDocument> Filter = Builders<PatientDocument>.Filter;

    // The same matches, order and keyset as the SQL: the search fields hold the normalised forms it compares.
    public async Task<IReadOnlyList<SortedPatient>> ListAsync(
        PatientSearch search,
        (string Key, Guid Id)? after,
        int take,
        CancellationToken ct
    )
    {
        var filters = new List<FilterDefinition<PatientDocument>> { Filter.Eq(p => p.ErasedAt, null) };
        if (search.NamePrefix is { } prefix)
        {
            filters.Add(Filter.Regex(p => p.SearchName, Pattern("^", SearchText.Key(prefix))));
        }

        if (search.Contains is { } contains)
        {
            var anyOf = new List<FilterDefinition<PatientDocument>>
            {
                Filter.Regex(p => p.SearchName, Pattern("", SearchText.Key(contains))),
                Filter.Regex(p => p.EmailKey, Pattern("", contains.ToLowerInvariant())),
            };
            if (search.PhoneDigits is { } digits)
            {
                anyOf.Add(Filter.Regex(p => p.PhoneDigits, Pattern("", digits)));
            }

            filters.Add(Filter.Or(anyOf));
        }

        foreach (var word in search.NameWords ?? [])
        {
            filters.Add(Filter.Regex(p => p.SearchName, Pattern("", SearchText.Key(word))));
        }

        if (after is { } cursor)
        {
            filters.Add(
                Filter.Or(
                    Filter.Gt(p => p.SearchName, cursor.Key),
                    Filter.And(Filter.Eq(p => p.SearchName, cursor.Key), Filter.Gt(p => p.Id, cursor.Id))
                )
            );
        }

        var patients = await clinic
            .Patients.Find(Filter.And(filters))
            .SortBy(p => p.SearchName)
            .ThenBy(p => p.Id)
            .Limit(take)
            .ToListAsync(ct);
        return patients
            .Select(p => new SortedPatient(new PatientListItem(p.Id, p.FullName, p.Email, p.Phone), p.SearchName))
            .ToList();
    }

    private static BsonRegularExpression Pattern(string anchor, string literal) => new(anchor + Regex.Escape(literal));
}

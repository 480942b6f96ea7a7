using System.Text;
using AppointmentSlices.Bench.Data;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AppointmentSlices.Bench.Database;

/// <summary>
/// <c>explain</c> with executionStats of the queries each endpoint's Mongo stores send, with sample values. The
/// filters are written out here as the stores build them (keep them in step with <c>Mongo…Store.cs</c>); the
/// writes a booking makes are inserts (the appointment, its event, its slot claims) with nothing to plan, so the
/// reads and the doctor's touch stand for it. Explaining a findAndModify does not apply it.
/// </summary>
public static class MongoQueryPlans
{
    private const int Page = 21;

    public static async Task<IReadOnlyList<QueryPlan>> ExplainAsync(MongoClinic clinic, ClinicDataset data)
    {
        var calendar = data.Calendar;
        var doctorIndex = data.Doctors.Count / 3;
        var doctor = Uuid(data.Doctors[doctorIndex].Id);
        var weekDay = calendar.TodayIndex - 20;
        var week = calendar.DateOf(weekDay).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var patientsThatWeek = data
            .Appointments.Where(a => a.Doctor == doctorIndex && a.Day >= weekDay && a.Day < weekDay + 7)
            .Take(Page)
            .Select(a => Uuid(data.Patients[a.Patient].Id));
        var slot = data.FreeSlots[^1];
        var day = calendar.StartOf(slot.Day, 0).UtcDateTime.Date;
        var term = SearchText.Key(data.SearchTerms[0]);
        var emailTerm = data.SearchTerms[0].ToLowerInvariant();
        var apiKey = Find(
            "api_keys",
            new() { { "keyHash", new BsonBinaryData(new byte[32]) }, { "revokedAt", BsonNull.Value } },
            limit: 1
        );

        var queries = new List<(string Endpoint, BsonDocument Command)>
        {
            ("appointments", apiKey),
            (
                "appointments",
                Find(
                    "appointments",
                    new()
                    {
                        { "doctorId", doctor },
                        {
                            "startsAt",
                            new BsonDocument { { "$gte", week }, { "$lt", week.AddDays(7) } }
                        },
                    },
                    new() { { "startsAt", 1 }, { "_id", 1 } },
                    Page
                )
            ),
            ("appointments", Find("doctors", new() { { "_id", new BsonDocument("$in", new BsonArray { doctor }) } })),
            (
                "appointments",
                Find("patients", new() { { "_id", new BsonDocument("$in", new BsonArray(patientsThatWeek)) } })
            ),
            ("slots", Find("doctors", new() { { "_id", doctor } }, limit: 1)),
            (
                "slots",
                Find(
                    "appointments",
                    new()
                    {
                        { "doctorId", doctor },
                        { "status", new BsonDocument("$ne", "Cancelled") },
                        { "startsAt", new BsonDocument("$lt", day.AddDays(1)) },
                        { "endsAt", new BsonDocument("$gt", day) },
                    },
                    new() { { "startsAt", 1 } }
                )
            ),
            ("patients", apiKey),
            (
                "patients",
                Find(
                    "patients",
                    new()
                    {
                        { "erasedAt", BsonNull.Value },
                        {
                            "$or",
                            new BsonArray
                            {
                                new BsonDocument("searchName", new BsonRegularExpression(term)),
                                new BsonDocument("emailKey", new BsonRegularExpression(emailTerm)),
                            }
                        },
                    },
                    new() { { "searchName", 1 }, { "_id", 1 } },
                    Page
                )
            ),
            (
                "doctors",
                Find("doctors", new() { { "isActive", true } }, new() { { "searchName", 1 }, { "_id", 1 } }, Page)
            ),
            (
                "doctors",
                Find(
                    "doctors",
                    new() { { "isActive", true }, { "searchSpecialty", SearchText.Key(data.Doctors[0].Specialty) } },
                    new() { { "searchName", 1 }, { "_id", 1 } },
                    Page
                )
            ),
            (
                "booking",
                new BsonDocument
                {
                    { "findAndModify", "doctors" },
                    { "query", new BsonDocument("_id", Uuid(data.Doctors[slot.Doctor].Id)) },
                    { "update", new BsonDocument("$inc", new BsonDocument("touches", 1)) },
                    { "new", true },
                }
            ),
            (
                "booking",
                Find(
                    "patients",
                    new() { { "_id", Uuid(data.Patients[slot.Patient].Id) }, { "erasedAt", BsonNull.Value } },
                    limit: 1
                )
            ),
            (
                "booking",
                Find(
                    "appointment_events",
                    new() { { "appointmentId", Uuid(data.Appointments[^1].Id) } },
                    new() { { "sequence", -1 } },
                    1
                )
            ),
        };

        var plans = new List<QueryPlan>();
        foreach (var (endpoint, command) in queries)
        {
            string plan;
            try
            {
                var explained = await clinic.Database.RunCommandAsync<BsonDocument>(
                    new BsonDocument { { "explain", command }, { "verbosity", "executionStats" } }
                );
                plan = Describe(explained);
            }
            catch (MongoCommandException e)
            {
                // A server without explain (some MongoDB-compatible ones) still gets its run measured.
                plan = $"explain failed: {e.ErrorMessage}";
            }

            plans.Add(new QueryPlan(endpoint, Statement(command), plan));
        }

        return plans;
    }

    private static BsonDocument Find(string collection, BsonDocument filter, BsonDocument? sort = null, int limit = 0)
    {
        var find = new BsonDocument { { "find", collection }, { "filter", filter } };
        if (sort is not null)
        {
            find.Add("sort", sort);
        }

        if (limit > 0)
        {
            find.Add("limit", limit);
        }

        return find;
    }

    private static BsonBinaryData Uuid(Guid id) => new(id, GuidRepresentation.Standard);

    private static string Statement(BsonDocument command) =>
        command.GetElement(0).Name == "find"
            ? $"{command["find"]}.find({BenchMongo.Json(command["filter"])})"
                + (command.TryGetValue("sort", out var sort) ? $".sort({BenchMongo.Json(sort)})" : "")
                + (command.TryGetValue("limit", out var limit) ? $".limit({limit})" : "")
            : $"{command[0]}.findAndModify({BenchMongo.Json(command["query"])}, {BenchMongo.Json(command["update"])})";

    /// <summary>The winning plan's stages, what the run examined, and the plan itself.</summary>
    private static string Describe(BsonDocument explained)
    {
        var planner = explained.GetValue("queryPlanner", new BsonDocument()).AsBsonDocument;
        var winning = planner.GetValue("winningPlan", new BsonDocument()).AsBsonDocument;
        // With the slot-based engine the classic tree sits one level down.
        var tree = winning.TryGetValue("queryPlan", out var classic) ? classic.AsBsonDocument : winning;
        var stats = explained.GetValue("executionStats", new BsonDocument()).AsBsonDocument;
        var text = new StringBuilder();
        text.AppendLine("winning plan: " + string.Join(" <- ", Stages(tree)));
        text.AppendLine(
            $"returned {stats.GetValue("nReturned", "?")}, keys examined {stats.GetValue("totalKeysExamined", "?")}, "
                + $"documents examined {stats.GetValue("totalDocsExamined", "?")}, "
                + $"{stats.GetValue("executionTimeMillis", "?")} ms; "
                + $"rejected plans {planner.GetValue("rejectedPlans", new BsonArray()).AsBsonArray.Count}"
        );
        text.Append(BenchMongo.Json(tree));
        return text.ToString();
    }

    private static IEnumerable<string> Stages(BsonDocument stage)
    {
        var name = stage.GetValue("stage", "?").ToString() ?? "?";
        if (stage.TryGetValue("indexName", out var index))
        {
            name += $" {index}";
        }

        yield return name;
        var inputs =
            stage.TryGetValue("inputStage", out var input) ? [input.AsBsonDocument]
            : stage.TryGetValue("inputStages", out var many) ? many.AsBsonArray.Select(s => s.AsBsonDocument).ToList()
            : new List<BsonDocument>();
        foreach (var child in inputs.SelectMany(Stages))
        {
            yield return child;
        }
    }
}

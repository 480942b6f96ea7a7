using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AppointmentSlices.Tests.Harness;
using AppointmentSlices.Tests.Harness.Providers;
using AppointmentSlices.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AppointmentSlices.Tests.Hardening;

/// <summary>
/// Every API endpoint, found in the running app, against a catalogue of hostile input: it is refused with a 4xx
/// problem (or accepted where the input is fine), never answered with a 5xx, and a refusal changes no table.
/// </summary>
[Collection("Database")]
public sealed class BadInputCatalogueTests(PostgresFixture database, ClinicHost host)
    : DatabaseTest(database, host),
        IClassFixture<ClinicHost>
{
    private const string TuesdayNine = "2026-03-17T09:00:00+01:00";

    private readonly List<string> _failures = [];
    private Ids _ids = null!;
    private IReadOnlyDictionary<string, long> _counts = new Dictionary<string, long>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var doctorId = await Clinic
            .Doctor()
            .WorksWeekdays(("09:00", "14:00"))
            .Away(new DateTime(2026, 4, 1, 9, 0, 0), new DateTime(2026, 4, 1, 12, 0, 0))
            .SaveAsync();
        var patientId = await Clinic.AddPatientAsync();
        var appointmentId = await new TestAppointments(Data).InsertAsync(
            doctorId,
            patientId,
            DateTimeOffset.Parse(TuesdayNine, System.Globalization.CultureInfo.InvariantCulture)
        );
        var timeOffId = await Data.AnyTimeOffIdAsync();
        _ids = new Ids(doctorId, patientId, appointmentId, timeOffId);
    }

    [ProviderFact]
    public async Task No_endpoint_answers_hostile_input_with_a_server_error_or_a_change()
    {
        var endpoints = ApiEndpoint.All(App.Services);
        Assert.Contains(endpoints.Where(TakesBody), e => e.ToString() == "POST /api/appointments");
        Assert.Contains(endpoints, e => e.ToString() == "DELETE /api/doctors/{id:guid}/time-off/{timeOffId:guid}");
        _counts = await CountRowsAsync();

        foreach (var endpoint in endpoints.Where(TakesBody))
        {
            foreach (var (name, body) in RefusedBodies(endpoint))
            {
                await SendAsync(endpoint, endpoint.Path(IdAfter), body, name, mustRefuse: true);
            }
        }

        foreach (var endpoint in endpoints.Where(e => e.Route.Parameters.Count > 0))
        {
            var path = endpoint.Path(_ => "not-a-guid");
            await SendAsync(endpoint, path, BaseBody(endpoint)?.ToJsonString(), "id of the wrong type", true);
        }

        foreach (var endpoint in endpoints)
        {
            foreach (var (name, query, mustRefuse) in Queries(endpoint))
            {
                var path = endpoint.Path(IdAfter) + query;
                await SendAsync(endpoint, path, BaseBody(endpoint)?.ToJsonString(), name, mustRefuse);
            }
        }

        foreach (var endpoint in endpoints.Where(TakesBody))
        {
            foreach (var (name, body) in AcceptableBodies(endpoint))
            {
                await SendAsync(endpoint, endpoint.Path(IdAfter), body, name, mustRefuse: false);
            }
        }

        Assert.True(_failures.Count == 0, string.Join('\n', _failures));
    }

    private async Task SendAsync(ApiEndpoint endpoint, string path, string? body, string name, bool mustRefuse)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var what = $"{endpoint.Method} {Shorten(path)} with {name}: {status}";
        var counts = await CountRowsAsync();
        var changed = counts.Where(c => _counts.GetValueOrDefault(c.Key) != c.Value).Select(c => c.Key).ToList();
        _counts = counts;

        if (status >= 500)
        {
            _failures.Add($"{what} {Shorten(await response.Content.ReadAsStringAsync())}");
        }
        else if (status is >= 400 and < 500)
        {
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (!problem && status is not (401 or 403 or 429))
            {
                _failures.Add($"{what} without a problem+json body");
            }

            if (changed.Count > 0)
            {
                _failures.Add($"{what}, yet changed {string.Join(", ", changed)}");
            }
        }
        else if (mustRefuse)
        {
            _failures.Add($"{what}, accepted");
        }
    }

    private IEnumerable<(string Name, string Body)> RefusedBodies(ApiEndpoint endpoint)
    {
        yield return ("malformed JSON", """{ "fullName": "Ana", """);
        yield return ("JSON that is not an object", "[1, 2, 3]");
        yield return ("a 1 MB string", $$"""{ "fullName": "{{new string('a', 1024 * 1024)}}" }""");
        if (BaseBody(endpoint) is not { } valid)
        {
            yield break;
        }

        foreach (var (field, value) in Leaves(valid))
        {
            yield return ($"a Mongo operator in {field}", Replace(valid, field, new JsonObject { ["$gt"] = "" }));
            yield return ($"an array in {field}", Replace(valid, field, new JsonArray(1, 2)));
            if (value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                yield return ($"a number in {field}", Replace(valid, field, 12345));
                yield return ($"10 KB in {field}", Replace(valid, field, Long(field, 10 * 1024)));
                yield return ($"control characters in {field}", Replace(valid, field, "Ana\u0000\u0007\u001b"));
            }
            else
            {
                yield return ($"text in {field}", Replace(valid, field, "abc"));
            }

            if (IsInstant(field))
            {
                yield return ($"an impossible date in {field}", Replace(valid, field, "2026-02-30T09:00:00+01:00"));
                yield return ($"an impossible offset in {field}", Replace(valid, field, "2026-03-17T09:00:00+25:00"));
                yield return ($"no offset in {field}", Replace(valid, field, "2026-03-17T09:00:00"));
                yield return ($"year 0 in {field}", Replace(valid, field, "0000-01-01T00:00:00+00:00"));
            }
        }
    }

    private IEnumerable<(string Name, string Body)> AcceptableBodies(ApiEndpoint endpoint)
    {
        if (BaseBody(endpoint) is not { } valid)
        {
            yield break;
        }

        foreach (var (field, value) in Leaves(valid))
        {
            if (value.GetValueKind() != System.Text.Json.JsonValueKind.String || IsInstant(field))
            {
                continue;
            }

            yield return ($"SQL in {field}", Replace(valid, field, "x'); DROP TABLE patients; --"));
            yield return ($"SQL in {field}", Replace(valid, field, "' OR '1'='1"));
            yield return ($"other alphabets in {field}", Replace(valid, field, "Łukasz Żółć 王秀英 Σωκράτης محمد"));
        }
    }

    private static IEnumerable<(string Name, string Query, bool MustRefuse)> Queries(ApiEndpoint endpoint)
    {
        var pattern = endpoint.Pattern;
        var paged =
            endpoint.Method == "GET"
            && pattern
                is "/api/doctors"
                    or "/api/appointments"
                    or "/api/patients"
                    or "/api/audit"
                    or "/api/doctors/{id:guid}/time-off";
        var byInstant =
            endpoint.Method == "GET"
            && pattern
                is "/api/appointments"
                    or "/api/doctors/{id:guid}/available-slots"
                    or "/api/doctors/available-slots";

        yield return ("a negative limit", "?limit=-1", paged);
        yield return ("a zero limit", "?limit=0", paged);
        yield return ("a huge limit", "?limit=1000000", paged);
        yield return ("a limit past int", "?limit=99999999999999", paged);
        yield return ("a limit that is text", "?limit=abc", paged);
        yield return ("a forged cursor", "?cursor=AAAA", paged);
        // The API reads the space an unencoded "+" becomes back as "+", so this one is answered, never failed.
        yield return ("an unencoded + in an offset", "?from=2026-03-17T09:00:00+01:00", false);
        yield return ("an impossible date", "?from=2026-02-30&to=2026-13-45", byInstant);
        yield return ("an impossible offset", "?from=2026-03-17T09:00:00%2B25:00", byInstant);
        yield return ("a far year", "?from=9999-12-31&to=0001-01-01", byInstant);
        yield return ("SQL", "?name=%27%20OR%201%3D1%20--&specialty=%27%3B%20DROP%20TABLE%20doctors%3B--", false);
        yield return ("a Mongo operator", "?name[$gt]=&doctorId[$ne]=x&status=%7B%22%24gt%22%3A%22%22%7D", false);
        yield return ("control characters", "?name=%00%07&q=%1B&specialty=%00", false);
        yield return ("other alphabets", "?name=%E7%8E%8B&q=%CE%A3%CF%89", false);
        yield return ("10 KB of text", $"?name={new string('a', 10 * 1024)}&q={new string('b', 10 * 1024)}", false);
        yield return ("ids of the wrong type", "?doctorId=abc&patientId=1&entityId=x", false);
    }

    /// <summary>A body the endpoint accepts, so that each variant is refused for the one thing it changes.</summary>
    private JsonObject? BaseBody(ApiEndpoint endpoint)
    {
        var hours = new JsonArray(
            new JsonObject
            {
                ["day"] = "Monday",
                ["starts"] = "09:00",
                ["ends"] = "14:00",
            }
        );
        return endpoint.ToString() switch
        {
            "POST /api/appointments" => new JsonObject
            {
                ["doctorId"] = _ids.Doctor,
                ["startsAt"] = "2026-03-17T10:00:00+01:00",
                ["reason"] = "Revisión anual",
                ["patient"] = new JsonObject
                {
                    ["fullName"] = "Ana Torres",
                    ["email"] = "ana.torres@example.org",
                    ["phone"] = "+34 612 345 678",
                },
            },
            "POST /api/appointments/{id:guid}/cancel" => new JsonObject { ["reason"] = "Me encuentro mejor" },
            "POST /api/appointments/{id:guid}/reschedule" => new JsonObject
            {
                ["startsAt"] = "2026-03-17T11:00:00+01:00",
            },
            "POST /api/appointments/{id:guid}/outcome" => new JsonObject { ["outcome"] = "Completed" },
            "POST /api/doctors" => new JsonObject
            {
                ["fullName"] = "Marta Gil",
                ["specialty"] = "Dermatología",
                ["timeZone"] = "Europe/Madrid",
                ["slotMinutes"] = 20,
                ["workingHours"] = hours,
            },
            "PUT /api/doctors/{id:guid}" => new JsonObject
            {
                ["fullName"] = "Lucía Serrano Gil",
                ["specialty"] = "Medicina familiar",
                ["timeZone"] = "Europe/Madrid",
                ["slotMinutes"] = 30,
            },
            "PUT /api/doctors/{id:guid}/working-hours" => new JsonObject { ["workingHours"] = hours },
            "POST /api/doctors/{id:guid}/time-off" => new JsonObject
            {
                ["starts"] = "2026-04-02T09:00",
                ["ends"] = "2026-04-02T12:00",
                ["reason"] = "Congreso",
            },
            "POST /api/patients" or "PUT /api/patients/{id:guid}" => new JsonObject
            {
                ["fullName"] = "Pedro Sanz",
                ["email"] = "pedro.sanz@example.org",
                ["phone"] = "+34 600 111 222",
            },
            _ => null,
        };
    }

    private bool TakesBody(ApiEndpoint endpoint) => endpoint.TakesBody && AcceptsJson(endpoint);

    private bool AcceptsJson(ApiEndpoint endpoint) =>
        App
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText == endpoint.Pattern)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(endpoint.Method) != false)
            .Any(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: false });

    private string IdAfter(string segment) =>
        segment switch
        {
            "doctors" => _ids.Doctor.ToString(),
            "appointments" => _ids.Appointment.ToString(),
            "patients" => _ids.Patient.ToString(),
            "time-off" => _ids.TimeOff.ToString(),
            _ => Guid.CreateVersion7().ToString(),
        };

    private static IEnumerable<(string Path, JsonNode Value)> Leaves(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var leaf in Leaves(child!, path.Length == 0 ? key : $"{path}.{key}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var leaf in Leaves(array[i]!, $"{path}[{i}]"))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return (path, node);
                break;
        }
    }

    private static string Replace(JsonObject valid, string path, JsonNode value)
    {
        var copy = valid.DeepClone();
        var parent = copy;
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        foreach (var step in steps[..^1])
        {
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1])]! : parent[step]!;
        }

        var last = steps[^1];
        if (last.StartsWith('['))
        {
            parent[int.Parse(last[1..^1])] = value;
        }
        else
        {
            parent[last] = value;
        }

        return copy.ToJsonString();
    }

    private static string Long(string field, int length) =>
        field.EndsWith("email", StringComparison.Ordinal) ? new string('a', length) + "@example.org"
        : field.EndsWith("phone", StringComparison.Ordinal) ? "+34 " + new string('6', length)
        : new string('a', length);

    private static bool IsInstant(string field) => field is "startsAt" or "starts" or "ends";

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private Task<IReadOnlyDictionary<string, long>> CountRowsAsync() => Data.CountAllAsync();

    private sealed record Ids(Guid Doctor, Guid Patient, Guid Appointment, Guid TimeOff);
}

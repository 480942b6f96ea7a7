using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using AppointmentSlices.Features;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Web.ErrorHandling;
using AppointmentSlices.Web.Hardening;
using AppointmentSlices.Web.Localization;
using AppointmentSlices.Web.Observability;
using AppointmentSlices.Web.Security;
using AppointmentSlices.Web.Startup;
using Carter;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

if (args is [MoveToMongoCommand.Name, .. var moveArguments])
{
    return await MoveToMongoCommand.RunAsync(moveArguments);
}

var builder = WebApplication.CreateBuilder(args);

ClinicDatabase database;
try
{
    database = await ClinicDatabase.PrepareAsync(builder.Configuration);
}
catch (PostgresNotInstalledException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

builder.Services.AddClinicDatabase(database);
builder.Services.AddClinicFeatures(builder.Configuration);
builder.Services.AddCarter();
builder.Services.AddOpenApi(options => options.AddApiKeySecurity());
builder.Services.AddRazorPages();
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)); // "Pediatría", not "Pediatr&#xED;a"

// The API's problems are JSON whatever the Accept header says; the framework's writer follows for the pages.
builder.Services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
builder.Services.AddProblemDetails(options =>
{
    options.CustomizeProblemDetails = context =>
    {
        var problem = context.ProblemDetails;
        problem.Type = ProblemTypeOf(problem);
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Detail ??= "Send the body as JSON, with the header Content-Type: application/json.";
        }
    };
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    options.SerializerOptions.Converters.Add(new StrictDateTimeOffsetConverter());
});

// Cross-cutting services, one line per area (each area's registration lives in its own folder under src/Web):
// [services: observability]
builder.AddObservability();

// [services: hardening]
builder.Services.AddHardening(builder.Configuration);

// [services: security]
builder.Services.AddClinicSecurity();

// [services: languages and replicas]
builder.Services.AddClinicLocalization();
builder.Services.AddReplicaSupport(builder.Configuration);

var app = builder.Build();

await database.SeedIfWantedAsync(app.Services);
await app.EnsureFirstAdminAsync(onLocalCluster: database.LocalCluster is not null);

// Behind a proxy, the caller's own address and scheme, before anything logs or limits by them.
app.UseForwardedHeaders();

// [pipeline: observability] (outermost, so it measures everything below)
app.UseObservability();

// The API answers failures with problem details; the pages answer with the error page.
app.UseExceptionHandler("/Error");
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}")
);

// [pipeline: hardening] (headers, HTTPS, before anything writes a response)
app.UseHardening();
app.UseRequestLocalization(); // Spanish or English on the patient pages; English for staff and the API
app.UseStaticFiles();
app.UseRouting();

// [pipeline: security] (authentication, authorization, then rate limits partitioned by who is calling)
app.UseClinicSecurity();
app.UseRateLimiter(); // after authentication, so a signed-in caller is limited as themselves
app.UseRefusedApiKeys(); // a key sent and refused is a 401 even on the public routes
app.UseOutputCache(); // after the rate limits: a cached answer still counts against its caller
app.UseAntiforgery();
app.MapRazorPages();
app.MapCarter();
app.MapOpenApi(); // /openapi/v1.json
app.MapScalarApiReference(); // /scalar: a local UI for the document, no CDN

await app.RunAsync();
return 0;

// Responses the framework writes itself (no such route, wrong method) get our stable types too.
static string? ProblemTypeOf(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
    problem.Type is { } type && type.StartsWith('/')
        ? type
        : problem.Status switch
        {
            StatusCodes.Status404NotFound => ProblemTypes.NotFound,
            StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => ProblemTypes.TooLarge,
            StatusCodes.Status415UnsupportedMediaType => ProblemTypes.MalformedRequest,
            >= 400 and < 500 => ProblemTypes.MalformedRequest,
            _ => ProblemTypes.Unexpected,
        };

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

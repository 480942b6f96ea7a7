using System.Text.Json.Serialization;
using AppointmentSlices.Features;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.LocalPostgres;
using AppointmentSlices.Web.ErrorHandling;
using AppointmentSlices.Web.Startup;
using Carter;
using Microsoft.AspNetCore.Http.Json;

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
builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    options.SerializerOptions.Converters.Add(new StrictDateTimeOffsetConverter());
});

var app = builder.Build();

await database.SeedIfWantedAsync(app.Services);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseAntiforgery();
app.MapRazorPages();
app.MapCarter();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

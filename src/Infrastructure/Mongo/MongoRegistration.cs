using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace AppointmentSlices.Infrastructure.Mongo;

public static class MongoRegistration
{
    /// <summary>The database named in the connection string, or this one when it names none.</summary>
    public const string DefaultDatabase = "appointment_slices";

    /// <summary>Registers one <see cref="MongoClient"/> and the <see cref="MongoClinic"/> the Mongo stores use.</summary>
    public static IServiceCollection AddMongo(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => CreateClinic(connectionString));
        return services;
    }

    public static MongoClinic CreateClinic(string connectionString)
    {
        var url = MongoUrl.Create(connectionString);
        var settings = MongoClientSettings.FromUrl(url);
        settings.ApplicationName ??= "AppointmentSlices";
        return new MongoClinic(new MongoClient(settings), url.DatabaseName ?? DefaultDatabase);
    }
}

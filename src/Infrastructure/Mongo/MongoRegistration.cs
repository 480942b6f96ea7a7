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
        settings.ClusterConfigurator = cb =>
            cb.Subscribe<MongoDB.Driver.Core.Events.CommandStartedEvent>(e =>
                {
                    if (e.CommandName == "insert")
                        Console.Error.WriteLine(
                            "DEBUGMONGO start "
                                + e.RequestId
                                + " "
                                + e.Command.ToString()[..Math.Min(400, e.Command.ToString().Length)]
                        );
                })
                .Subscribe<MongoDB.Driver.Core.Events.CommandFailedEvent>(e =>
                    Console.Error.WriteLine(
                        "DEBUGMONGO failed "
                            + e.RequestId
                            + " "
                            + e.CommandName
                            + " "
                            + e.Failure.Message
                            + " / "
                            + e.Failure.InnerException?.Message
                    )
                )
                .Subscribe<MongoDB.Driver.Core.Events.ServerDescriptionChangedEvent>(e =>
                    Console.Error.WriteLine(
                        "DEBUGMONGO server "
                            + e.NewDescription.State
                            + " "
                            + e.NewDescription.HeartbeatException?.Message
                    )
                )
                .Subscribe<MongoDB.Driver.Core.Events.ConnectionPoolClearedEvent>(e =>
                    Console.Error.WriteLine("DEBUGMONGO cleared")
                );
        return new MongoClinic(new MongoClient(settings), url.DatabaseName ?? DefaultDatabase);
    }
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.FindApiKey;
using AppointmentSlices.Features.Staff;
using AppointmentSlices.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppointmentSlices.Features;

public static class FeatureRegistration
{
    /// <summary>
    /// The mediator, its validation pipeline, every validator and every slice's store for the configured provider.
    /// </summary>
    public static IServiceCollection AddClinicFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator(
            (MediatorOptions options) =>
            {
                options.ServiceLifetime = ServiceLifetime.Singleton;
                options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(DoctorListCacheBehavior<,>)];
            }
        );

        services.AddValidatorsFromAssemblyContaining<BookingOptions>(
            ServiceLifetime.Singleton,
            includeInternalTypes: true
        );

        var marker =
            StorageProviders.From(configuration) == StorageProvider.Mongo
                ? typeof(IMongoStore)
                : typeof(IPostgresStore);
        services.Scan(scan =>
            scan.FromAssemblyOf<BookingOptions>()
                .AddClasses(classes => classes.AssignableTo(marker), publicOnly: false)
                .AsImplementedInterfaces(type => type != marker)
                .WithSingletonLifetime()
        );

        services.TryAddSingleton(TimeProvider.System);
        services.Configure<BookingOptions>(configuration.GetSection("Booking"));
        services.Configure<StaffOptions>(configuration.GetSection("Staff"));
        services.TryAddSingleton<IPasswordHasher<StaffMember>, PasswordHasher<StaffMember>>();
        services.AddSingleton<StaffPasswords>();
        services.AddSingleton<ApiKeyCache>();
        services.AddOutputCache();
        services.AddSingleton<DoctorListCache>();
        return services;
    }
}

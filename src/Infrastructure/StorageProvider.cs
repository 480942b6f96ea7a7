using Microsoft.Extensions.Configuration;

namespace AppointmentSlices.Infrastructure;

/// <summary>Which database the stores are for: <c>Storage:Provider</c>, <c>Postgres</c> (the default) or <c>Mongo</c>.</summary>
public enum StorageProvider
{
    Postgres,
    Mongo,
}

public static class StorageProviders
{
    public static StorageProvider From(IConfiguration configuration) =>
        configuration["Storage:Provider"] switch
        {
            null or "" => StorageProvider.Postgres,
            var name when name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) => StorageProvider.Postgres,
            var name when name.Equals("Mongo", StringComparison.OrdinalIgnoreCase) => StorageProvider.Mongo,
            var name => throw new InvalidOperationException(
                $"Storage:Provider is '{name}'; use 'Postgres' or 'Mongo'."
            ),
        };
}

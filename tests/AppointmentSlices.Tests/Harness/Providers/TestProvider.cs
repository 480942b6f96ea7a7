using AppointmentSlices.Infrastructure;
using AppointmentSlices.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AppointmentSlices.Tests.Harness.Providers;

/// <summary>The storage provider the running test is on; PostgreSQL for tests that are not parameterised.</summary>
public static class TestProvider
{
    private static readonly AsyncLocal<StorageProvider?> CurrentProvider = new();

    public static StorageProvider Current => CurrentProvider.Value ?? StorageProvider.Postgres;

    internal static async Task<T> RunOnAsync<T>(StorageProvider provider, Func<Task<T>> run)
    {
        CurrentProvider.Value = provider;
        try
        {
            return await run();
        }
        finally
        {
            CurrentProvider.Value = null;
        }
    }

    /// <summary>Why a MongoDB case can't run here, or null when it can.</summary>
    internal static string? SkipReason(StorageProvider provider, IAttributeInfo factAttribute)
    {
        if (provider != StorageProvider.Mongo)
        {
            return null;
        }

        if (MongoTestServer.Unavailable is { } missing)
        {
            return missing;
        }

        return MongoTestServer.IsRealServer ? null
            : factAttribute.GetNamedArgument<string?>("NotOnTestServer") is { } gap
                ? $"The MongoDB test server can't run this: {gap}. It runs against a real MongoDB (MONGODB_URI)."
            : null;
    }
}

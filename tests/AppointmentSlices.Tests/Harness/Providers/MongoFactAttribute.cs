using AppointmentSlices.Tests.Infrastructure;
using Xunit;

namespace AppointmentSlices.Tests.Harness.Providers;

/// <summary>A fact about MongoDB alone (moving data into it); skipped where no MongoDB can be started.</summary>
public sealed class MongoFactAttribute : FactAttribute
{
    public MongoFactAttribute()
    {
        Skip = MongoTestServer.Unavailable;
    }

    /// <summary>Why the MongoDB test server can't run this; it still runs against a real MongoDB (MONGODB_URI).</summary>
    public string? NotOnTestServer
    {
        get;
        set
        {
            field = value;
            if (!MongoTestServer.IsRealServer && value is not null)
            {
                Skip ??=
                    $"The MongoDB test server can't run this: {value}. It runs against a real MongoDB (MONGODB_URI).";
            }
        }
    }
}

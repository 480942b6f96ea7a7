using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace AppointmentSlices.Infrastructure.Mongo;

/// <summary>
/// How documents map to BSON, set once per process: camelCase names, unknown fields ignored, Guids in the
/// standard UUID representation (the same ids as PostgreSQL's uuid columns), dates as UTC.
/// </summary>
public static class MongoMapping
{
    private static readonly Lock Gate = new();
    private static bool registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            var conventions = new ConventionPack
            {
                new CamelCaseElementNameConvention(),
                new IgnoreExtraElementsConvention(true),
            };
            ConventionRegistry.Register("AppointmentSlices", conventions, type =>
                type.Namespace?.StartsWith("AppointmentSlices", StringComparison.Ordinal) == true
            );
            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            BsonSerializer.TryRegisterSerializer(new DateTimeSerializer(DateTimeKind.Utc));
            registered = true;
        }
    }
}

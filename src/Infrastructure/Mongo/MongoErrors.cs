using MongoDB.Driver;

namespace AppointmentSlices.Infrastructure.Mongo;

public static class MongoErrors
{
    private const int DuplicateKeyCode = 11000;

    /// <summary>
    /// A unique index refused the write. Servers report it as a write error; inside a transaction, and on some
    /// MongoDB-compatible servers, it comes back as a command error with the same code.
    /// </summary>
    public static bool IsDuplicateKey(this MongoException exception) =>
        exception switch
        {
            MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
            MongoBulkWriteException bulk => bulk.WriteErrors.Any(e => e.Category == ServerErrorCategory.DuplicateKey),
            MongoCommandException command => command.Code == DuplicateKeyCode,
            _ => false,
        };
}

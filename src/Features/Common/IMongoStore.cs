namespace AppointmentSlices.Features.Common;

/// <summary>
/// Marks a slice's store written for MongoDB, the counterpart of <see cref="IPostgresStore"/>. Registration takes
/// the Mongo stores instead of the PostgreSQL ones when <c>Storage:Provider</c> is <c>Mongo</c>.
/// </summary>
public interface IMongoStore;

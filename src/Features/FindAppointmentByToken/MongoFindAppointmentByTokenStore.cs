using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.FindAppointmentByToken;

internal sealed class MongoFindAppointmentByTokenStore(MongoClinic clinic) : IFindAppointmentByTokenStore, IMongoStore
{
    public async Task<Guid?> FindIdAsync(byte[] tokenHash, CancellationToken ct)
    {
        var appointment = await clinic.Appointments.Find(a => a.ManageTokenHash == tokenHash).FirstOrDefaultAsync(ct);
        return appointment?.Id;
    }
}

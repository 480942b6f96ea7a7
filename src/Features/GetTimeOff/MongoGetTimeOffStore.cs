using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.ListTimeOff;
using AppointmentSlices.Features.Scheduling;
using AppointmentSlices.Infrastructure.Mongo;
using MongoDB.Driver;

namespace AppointmentSlices.Features.GetTimeOff;

internal sealed class MongoGetTimeOffStore(MongoClinic clinic) : IGetTimeOffStore, IMongoStore
{
    public async Task<TimeOffItem?> FindAsync(Guid doctorId, Guid timeOffId, CancellationToken ct)
    {
        var doctor = await clinic.Doctors.Find(d => d.Id == doctorId).FirstOrDefaultAsync(ct);
        var timeOff = doctor?.TimeOff.FirstOrDefault(t => t.Id == timeOffId);
        return timeOff is null
            ? null
            : new TimeOffItem(
                timeOff.Id,
                doctorId,
                WallClock.FormatDateTime(WallClockDates.FromStored(timeOff.Starts)),
                WallClock.FormatDateTime(WallClockDates.FromStored(timeOff.Ends)),
                timeOff.Reason,
                doctor!.TimeZone
            );
    }
}

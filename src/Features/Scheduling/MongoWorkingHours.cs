using AppointmentSlices.Features.GetDoctor;
using AppointmentSlices.Infrastructure.Mongo.Documents;

namespace AppointmentSlices.Features.Scheduling;

/// <summary>A week of working hours as the doctor document embeds it: minutes since midnight, 1440 for 24:00.</summary>
internal static class MongoWorkingHours
{
    public static List<WorkingHoursDocument> ToDocuments(IEnumerable<WorkingHoursItem> week) =>
        week.Select(h =>
            {
                WallClock.TryParseTime(h.Starts, isEnd: false, out var starts);
                WallClock.TryParseTime(h.Ends, isEnd: true, out var ends);
                return new WorkingHoursDocument
                {
                    Day = (int)h.Day,
                    StartsMinute = (int)starts.TotalMinutes,
                    EndsMinute = (int)ends.TotalMinutes,
                };
            })
            .ToList();
}

using AppointmentSlices.Features.Common;
using AppointmentSlices.Infrastructure.Mongo;
using AppointmentSlices.Infrastructure.Mongo.Documents;
using MongoDB.Driver;

namespace AppointmentSlices.Tests.Harness.Data;

public sealed partial class MongoClinicData
{
    /// <summary>The appointment's slot claims move with it, as a reschedule would move them.</summary>
    public override async Task MoveAppointmentAsync(Guid id, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var appointment = await clinic.Appointments.FindOneAndUpdateAsync(
            a => a.Id == id,
            Builders<AppointmentDocument>
                .Update.Set(a => a.StartsAt, startsAt.UtcDateTime)
                .Set(a => a.EndsAt, endsAt.UtcDateTime),
            new FindOneAndUpdateOptions<AppointmentDocument> { ReturnDocument = ReturnDocument.After }
        );
        await clinic.SlotClaims.DeleteManyAsync(c => c.AppointmentId == id);
        if (appointment.Status != AppointmentStatus.Cancelled)
        {
            var claims = SlotClaimIds
                .Of(SlotClaimIds.Doctor, appointment.DoctorId, startsAt, endsAt)
                .Concat(SlotClaimIds.Of(SlotClaimIds.Patient, appointment.PatientId, startsAt, endsAt))
                .Select(claim => new SlotClaimDocument { Id = claim, AppointmentId = id });
            await clinic.SlotClaims.InsertManyAsync(claims);
        }
    }
}

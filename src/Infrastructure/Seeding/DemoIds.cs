using System.Buffers.Binary;
using Bogus;

namespace AppointmentSlices.Infrastructure.Seeding;

/// <summary>UUIDv7 ids whose random bits come from the seeded randomizer: the same seed gives the same ids.</summary>
internal sealed class DemoIds(Randomizer random)
{
    public Guid At(DateTimeOffset instant)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.Bytes(16).CopyTo(bytes);
        Span<byte> milliseconds = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(milliseconds, instant.ToUnixTimeMilliseconds());
        milliseconds[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

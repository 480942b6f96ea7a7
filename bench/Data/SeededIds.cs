using System.Buffers.Binary;
using Bogus;

namespace AppointmentSlices.Bench.Data;

/// <summary>UUIDv7 ids (time-ordered, as the service makes them) whose random bits come from the seed.</summary>
public sealed class SeededIds(Randomizer random)
{
    private readonly byte[] bytes = new byte[16];

    public Guid At(DateTimeOffset instant)
    {
        random.Bytes(16).CopyTo(bytes, 0);
        Span<byte> milliseconds = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(milliseconds, instant.ToUnixTimeMilliseconds());
        milliseconds[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

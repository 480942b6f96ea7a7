using Npgsql;

namespace AppointmentSlices.Features.Common;

/// <summary>Statements of one transaction sent together: one round trip instead of one each.</summary>
internal static class Batches
{
    public static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IEnumerable<NpgsqlBatchCommand> commands,
        CancellationToken ct
    )
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }
}

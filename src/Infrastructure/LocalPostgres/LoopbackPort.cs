using System.Net;
using System.Net.Sockets;

namespace AppointmentSlices.Infrastructure.LocalPostgres;

internal static class LoopbackPort
{
    /// <summary>A port nobody listens on right now: the system picks it for a listener that is then closed.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits up to about ten seconds for something to accept connections on the port.</summary>
    public static async Task<bool> WaitUntilOpenAsync(int port, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        return false;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Pipeline.LocalServers;

/// <summary>Finds TCP ports nobody listens on, so private servers never clash with running ones.</summary>
public static class FreePorts
{
    // RabbitMQ's command line tools (rabbitmqctl, rabbitmq-plugins) listen on one port of this range while they run
    // (RABBITMQ_CTL_DIST_PORT_MIN, and MIN + 10 as the maximum). It lies inside Linux's ephemeral range, so the
    // system may offer these ports as free while no tool happens to run.
    private const int RabbitMqToolsFirstPort = 35672;
    private const int RabbitMqToolsLastPort = RabbitMqToolsFirstPort + 10;

    /// <summary>
    /// Returns <paramref name="count"/> distinct free loopback ports. All are held open together until the
    /// last one is found, so the same port is never handed out twice in one call.
    /// </summary>
    public static IReadOnlyList<int> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        var ports = new List<int>(count);
        try
        {
            while (ports.Count < count)
            {
                // A port that is not usable stays held too, so the system offers a different one next.
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (IsUsable(port))
                    ports.Add(port);
            }

            return ports;
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>Whether a free port may be given to a server: not one the RabbitMQ tools take for themselves.</summary>
    public static bool IsUsable(int port) => port is < RabbitMqToolsFirstPort or > RabbitMqToolsLastPort;
}

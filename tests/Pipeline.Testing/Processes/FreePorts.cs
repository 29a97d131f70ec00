using System.Net;
using System.Net.Sockets;

namespace Pipeline.Testing.Processes;

/// <summary>Finds TCP ports nobody listens on, so private test servers never clash with running ones.</summary>
public static class FreePorts
{
    /// <summary>
    /// Returns <paramref name="count"/> distinct free loopback ports. All are held open together until the
    /// last one is found, so the same port is never handed out twice in one call.
    /// </summary>
    public static IReadOnlyList<int> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}

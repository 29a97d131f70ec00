using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests;

/// <summary>The image's HEALTHCHECK script, run against a tiny HTTP server that answers like /health/live would.</summary>
public sealed class HealthcheckScriptTests
{
    [Theory]
    [InlineData(200, true)]
    [InlineData(503, false)]
    public async Task Probe_is_healthy_only_when_health_live_answers_200(int status, bool healthy)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = AnswerOnceAsync(listener, status);

        var probe = await ChildProcess.RunAsync(
            new ChildProcessOptions("bash", [RepositoryFiles.PathOf("deploy/healthcheck.sh")])
            {
                Environment = new Dictionary<string, string?> { ["PIPELINE_HTTP_PORT"] = port.ToString(CultureInfo.InvariantCulture) },
            },
            TimeSpan.FromSeconds(30));

        Assert.Equal("GET /health/live HTTP/1.1", await server);
        Assert.Equal(healthy, probe.Succeeded);
    }

    [Fact]
    public async Task Probe_fails_when_nothing_listens()
    {
        var port = FreePorts.Take(1)[0];

        var probe = await ChildProcess.RunAsync(
            new ChildProcessOptions("bash", [RepositoryFiles.PathOf("deploy/healthcheck.sh")])
            {
                Environment = new Dictionary<string, string?> { ["PIPELINE_HTTP_PORT"] = port.ToString(CultureInfo.InvariantCulture) },
            },
            TimeSpan.FromSeconds(30));

        Assert.False(probe.Succeeded);
    }

    /// <summary>Serves one request with the given status and returns its request line.</summary>
    private static async Task<string> AnswerOnceAsync(TcpListener listener, int status)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync() ?? string.Empty;
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
        {
            // Skip the headers: the probe only cares about the status line of the answer.
        }

        var reason = status == 200 ? "OK" : "Service Unavailable";
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(response);
        return requestLine;
    }
}

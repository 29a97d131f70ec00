using System.Net.Sockets;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Testing.Tests;

/// <summary>Owns its node (not the shared one): it restarts the broker and checks that disposing leaves nothing behind.</summary>
public sealed class PrivateRabbitMqNodeLifecycleTests
{
    [Fact]
    public async Task Node_restarts_for_fault_tests_and_leaves_nothing_behind()
    {
        var server = await RabbitMqServer.StartPrivateAsync();
        var directory = server.DataDirectory;
        var amqpPort = server.AmqpUri.Port;
        try
        {
            Assert.NotNull(directory);
            Assert.NotEmpty(LeftoverProcesses.FindByEnvironmentMarker(directory));
            // The bench reads the broker's CPU time from this process.
            var broker = Assert.IsType<int>(server.BrokerProcessId);
            Assert.Equal("beam.smp", File.ReadAllText($"/proc/{broker}/comm").Trim());
            var factory = new ConnectionFactory { Uri = server.AmqpUri };
            await using (var before = await factory.CreateConnectionAsync())
            {
                Assert.True(before.IsOpen);
            }

            await server.StopAppAsync();
            await Assert.ThrowsAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync());

            await server.StartAppAsync();
            await using var after = await factory.CreateConnectionAsync();
            Assert.True(after.IsOpen);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(Directory.Exists(directory), $"{directory} should be deleted");
        Assert.Empty(LeftoverProcesses.FindByEnvironmentMarker(directory));
        Assert.False(IsListening(amqpPort), $"AMQP port {amqpPort} should be closed");
    }

    private static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

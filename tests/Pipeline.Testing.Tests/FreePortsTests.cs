using Pipeline.Testing.Processes;

namespace Pipeline.Testing.Tests;

public sealed class FreePortsTests
{
    // rabbitmqctl and the other RabbitMQ tools listen on one port of 35672-35682 while they run (RabbitMQ's
    // RABBITMQ_CTL_DIST_PORT_MIN and MIN + 10), and those lie inside Linux's ephemeral range. A private node given one
    // of them would clash with any tool running at the time: the lifecycle test once found "its" closed AMQP port
    // 35673 open again, most likely held by another test's rabbitmqctl.
    [Theory]
    [InlineData(35672, false)]
    [InlineData(35677, false)]
    [InlineData(35682, false)]
    [InlineData(35671, true)]
    [InlineData(35683, true)]
    [InlineData(45000, true)]
    public void Ports_the_RabbitMQ_tools_take_for_themselves_are_never_handed_out(int port, bool usable) =>
        Assert.Equal(usable, LocalServers.FreePorts.IsUsable(port));

    [Fact]
    public void Every_port_taken_is_distinct_and_usable()
    {
        var ports = FreePorts.Take(500);

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.True(LocalServers.FreePorts.IsUsable(port), $"port {port}"));
    }
}

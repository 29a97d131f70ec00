using Pipeline.Monitoring.Broker;

namespace Pipeline.Monitoring.Tests.Broker;

public sealed class RabbitMqManagementOptionsTests
{
    [Theory]
    [InlineData("amqp://broker:5672/", "/")]
    [InlineData("amqp://broker:5672", "/")]
    [InlineData("amqp://broker:5672/sales", "sales")]
    [InlineData("amqp://broker:5672/%2Fsales", "/sales")]
    [InlineData("amqp://broker:5672/news%20desk", "news desk")]
    public void The_virtual_host_is_the_AMQP_URIs_path_as_the_bus_reads_it(string amqp, string expected)
    {
        var options = new RabbitMqManagementOptions { Uri = new Uri(amqp) };

        Assert.Equal(expected, options.ResolveVirtualHost());
    }

    [Fact]
    public void A_virtual_host_given_on_its_own_wins_over_the_URIs_path()
    {
        var options = new RabbitMqManagementOptions { Uri = new Uri("amqp://broker:5672/sales"), VirtualHost = "archive" };

        Assert.Equal("archive", options.ResolveVirtualHost());
    }
}

using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Host.Hosting;
using Pipeline.Host.Messaging;

namespace Pipeline.Host.Tests;

public sealed class BusRegistrationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MassTransit_usage_telemetry_follows_configuration_and_is_off_by_default(bool configured)
    {
        var pipeline = configured ? new PipelineOptions { MassTransitUsageTelemetry = true } : new PipelineOptions();
        var services = new ServiceCollection().AddLogging();
        services.AddPipelineBus(new ConfigurationBuilder().Build(), StageSet.None, pipeline);

        using var provider = services.BuildServiceProvider();

        Assert.Equal(configured, provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}

using System.Text;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Host.Hosting;
using Pipeline.Host.Messaging;
using Pipeline.Messaging.Serialization;

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

    [Fact]
    public async Task Message_bodies_are_written_as_compact_json()
    {
        var json = await ReceiveOneAsync(context => Encoding.UTF8.GetString(context.ReceiveContext.Body.GetBytes()));

        Assert.Contains("\"reason\":\"probe\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public async Task Pipeline_messages_are_read_by_the_single_pass_deserializer()
    {
        var contextType = await ReceiveOneAsync(context => context.SerializerContext.GetType());

        Assert.Same(typeof(SinglePassJsonDeserializer).Assembly, contextType.Assembly);
    }

    /// <summary>Publishes one message on the pipeline's in-memory bus and returns what <paramref name="observe"/> saw of it.</summary>
    private static async Task<T> ReceiveOneAsync<T>(Func<ConsumeContext<ArticleRejected>, T> observe)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPipelineBus(new ConfigurationBuilder().Build(), StageSet.None, new PipelineOptions());
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        var seen = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        bus.ConnectReceiveEndpoint("bus-registration-probe", e =>
            e.Handler<ArticleRejected>(context =>
            {
                seen.TrySetResult(observe(context));
                return Task.CompletedTask;
            }));
        await bus.StartAsync(CancellationToken.None);
        try
        {
            await bus.Publish(new ArticleRejected
            {
                DocumentId = Guid.NewGuid(),
                CorrelationId = Guid.NewGuid(),
                Source = new SourceFile("a.txt", new string('0', 64), MediaTypes.PlainText, 1),
                Stage = Stages.Extract,
                Reason = "probe",
                RejectedAt = DateTimeOffset.UnixEpoch,
            }, CancellationToken.None);

            return await seen.Task.WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}

using MassTransit;

namespace Pipeline.Monitoring.InProcess;

/// <summary>Counts the pipeline messages this process publishes, as arrivals at the stage that consumes them.</summary>
public sealed class StagePublishObserver(StageActivity activity) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (StageMessages.ConsumedBy(typeof(T)) is { } stage) activity.For(stage)?.Published();
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

namespace Pipeline.Monitoring.Health;

/// <summary>Where queue figures come from: the broker's management API, or this process's own counters.</summary>
public interface IQueueFiguresSource
{
    /// <summary>Shown to people, e.g. "rabbitmq http://127.0.0.1:15672/" or "process".</summary>
    string Description { get; }

    /// <summary>Every queue the source knows, by name.</summary>
    Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(CancellationToken cancellationToken);
}

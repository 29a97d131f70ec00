namespace Pipeline.Testing.RabbitMq;

/// <summary>One queue as the management API reports it.</summary>
public sealed record QueueStatistics(
    string Name,
    long Messages,
    long MessagesReady,
    long MessagesUnacknowledged,
    int Consumers);

namespace Pipeline.Monitoring.Health;

/// <summary>One queue as the broker (or this process) sees it at one moment. Rates are messages per second.</summary>
public sealed record QueueFigures(
    string Name,
    long Ready,
    long Unacked,
    int Consumers,
    double? ConsumerUtilisation,
    double PublishRate,
    double DeliverRate,
    double RedeliverRate);

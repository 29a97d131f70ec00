namespace Pipeline.Host.Errors;

/// <summary>Failed-message handling, from the <c>Errors</c> section. The broker itself comes from <c>RabbitMq:Uri</c>.</summary>
public sealed class ErrorsOptions
{
    public const string SectionName = "Errors";

    /// <summary>The HTTP header that carries <see cref="ApiKey"/>.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// Required (in the <see cref="ApiKeyHeader"/> header) by state-changing calls such as replay whenever the
    /// host listens beyond loopback. With no key configured such calls are refused on exposed hosts.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Attempts to reach the broker before a list or replay fails.</summary>
    public int BrokerRetryAttempts { get; set; } = 3;

    public TimeSpan BrokerRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}

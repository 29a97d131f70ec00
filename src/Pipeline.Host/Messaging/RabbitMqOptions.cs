namespace Pipeline.Host.Messaging;

/// <summary>The broker, from the <c>RabbitMq</c> section. Credentials belong in the URI from configuration or the environment.</summary>
public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    public Uri Uri { get; set; } = new("amqp://localhost:5672/");

    /// <summary>
    /// Redeliveries after which RabbitMQ drops a message that keeps crashing its consumer. Quorum queues have
    /// no default on RabbitMQ 3.10, so without it a poison message loops forever.
    /// </summary>
    public int DeliveryLimit { get; set; } = 20;
}

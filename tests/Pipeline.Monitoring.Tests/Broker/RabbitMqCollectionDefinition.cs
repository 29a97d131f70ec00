using Pipeline.Testing.RabbitMq;

namespace Pipeline.Monitoring.Tests.Broker;

[CollectionDefinition(RabbitMqFixture.CollectionName)]
public sealed class RabbitMqCollectionDefinition : ICollectionFixture<RabbitMqFixture>;

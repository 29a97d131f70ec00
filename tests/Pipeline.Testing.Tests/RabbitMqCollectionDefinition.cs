using Pipeline.Testing.RabbitMq;

namespace Pipeline.Testing.Tests;

[CollectionDefinition(RabbitMqFixture.CollectionName)]
public sealed class RabbitMqCollectionDefinition : ICollectionFixture<RabbitMqFixture>;

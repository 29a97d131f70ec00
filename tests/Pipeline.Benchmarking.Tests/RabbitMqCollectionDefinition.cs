using Pipeline.Testing.RabbitMq;

namespace Pipeline.Benchmarking.Tests;

[CollectionDefinition(RabbitMqFixture.CollectionName)]
public sealed class RabbitMqCollectionDefinition : ICollectionFixture<RabbitMqFixture>;

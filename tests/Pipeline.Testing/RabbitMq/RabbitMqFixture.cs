namespace Pipeline.Testing.RabbitMq;

/// <summary>
/// Shares one broker among the tests of a collection. xunit only finds collection definitions in the test
/// assembly itself, so each test project declares one:
/// <code>
/// [CollectionDefinition(RabbitMqFixture.CollectionName)]
/// public sealed class RabbitMqCollectionDefinition : ICollectionFixture&lt;RabbitMqFixture&gt;;
/// </code>
/// and its test classes take the fixture in their constructor under <c>[Collection(RabbitMqFixture.CollectionName)]</c>.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    public const string CollectionName = "RabbitMQ";

    private RabbitMqServer? _server;

    public RabbitMqServer Server =>
        _server ?? throw new InvalidOperationException("The RabbitMQ fixture has not been initialised by xunit yet.");

    public async Task InitializeAsync() => _server = await RabbitMqServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

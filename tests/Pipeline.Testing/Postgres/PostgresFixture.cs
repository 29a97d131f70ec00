namespace Pipeline.Testing.Postgres;

/// <summary>
/// xunit fixture (class or collection) holding one <see cref="PostgresServer"/> for a test class;
/// each test takes its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public Task<string> CreateDatabaseAsync(string prefix = "test") => Server.CreateDatabaseAsync(prefix);

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

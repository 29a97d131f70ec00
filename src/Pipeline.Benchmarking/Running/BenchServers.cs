using Microsoft.Extensions.Logging;
using Npgsql;
using Pipeline.LocalServers;

namespace Pipeline.Benchmarking.Running;

/// <summary>
/// The broker and the database server the distributed set-ups use: the ones given, used as they are, or private
/// ones (free ports, temporary folders) started for this run and removed afterwards. Each set-up that stores in
/// PostgreSQL gets a fresh database, so earlier runs' documents never count.
/// </summary>
internal sealed class BenchServers : IAsyncDisposable
{
    private readonly PrivateRabbitMqNode? _node;
    private readonly PrivatePostgresServer? _postgres;
    private readonly List<string> _databases = [];

    private BenchServers(BenchBroker? broker, string? postgresAdmin, PrivateRabbitMqNode? node, PrivatePostgresServer? postgres)
    {
        Broker = broker;
        PostgresAdmin = postgresAdmin;
        _node = node;
        _postgres = postgres;
    }

    public BenchBroker? Broker { get; }

    private string? PostgresAdmin { get; }

    public static async Task<BenchServers> StartAsync(BenchOptions options, bool needBroker, bool needPostgres, ILogger logger, CancellationToken cancellationToken)
    {
        PrivateRabbitMqNode? node = null;
        PrivatePostgresServer? postgres = null;
        try
        {
            var broker = options.RabbitMqUri is { } given ? new BenchBroker(given, Management: null, ProcessId: null) : null;
            if (needBroker && broker is null)
            {
                logger.StartingServer("RabbitMQ node");
                node = await PrivateRabbitMqNode.StartAsync("pipeline-bench", cancellationToken);
                broker = new BenchBroker(node.AmqpUri, node.ManagementUri, node.FindBrokerProcessId());
            }

            var postgresAdmin = options.PostgresConnectionString;
            if (needPostgres && string.IsNullOrWhiteSpace(postgresAdmin))
            {
                logger.StartingServer("PostgreSQL server");
                // PostgreSQL's own defaults (fsync, synchronous commit): the durability a real deployment keeps.
                postgres = await PrivatePostgresServer.StartAsync(
                    new PrivatePostgresServerOptions { Settings = new Dictionary<string, string>() }, cancellationToken);
                postgresAdmin = postgres.AdminConnectionString;
            }

            return new BenchServers(broker, postgresAdmin, node, postgres);
        }
        catch
        {
            if (postgres is not null) await postgres.DisposeAsync();
            if (node is not null) await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh, empty database for one set-up; dropped when the servers are disposed.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = PostgresAdmin ?? throw new InvalidOperationException("No PostgreSQL server for this run.");
        var connectionString = await PrivatePostgresServer.CreateDatabaseAsync(admin, "pipeline_bench", cancellationToken);
        _databases.Add(new NpgsqlConnectionStringBuilder(connectionString).Database!);
        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresAdmin is not null && _postgres is null)
            await DropDatabasesAsync(PostgresAdmin);
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_node is not null) await _node.DisposeAsync();
    }

    private async Task DropDatabasesAsync(string admin)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        foreach (var database in _databases)
        {
            await using var command = connection.CreateCommand();
            // The name was made by CreateDatabaseAsync (prefix and hex digits); identifiers cannot be parameters.
            command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}

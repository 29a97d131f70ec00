using Npgsql;
using Pipeline.LocalServers;

namespace Pipeline.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests: a <see cref="PrivatePostgresServer"/> (temporary folder, free port, removed on
/// dispose), or, when the environment variable <see cref="ConnectionStringVariable"/> holds a connection string,
/// that server, used as it is.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "PIPELINE_TEST_POSTGRES";
    public const string DefaultBinDirectory = PrivatePostgresServer.DefaultBinDirectory;

    private readonly PrivatePostgresServer? _private;

    private PostgresServer(string adminConnectionString, PrivatePostgresServer? privateServer)
    {
        AdminConnectionString = adminConnectionString;
        _private = privateServer;
    }

    /// <summary>Connects as the superuser to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Uses <see cref="ConnectionStringVariable"/> when set, otherwise starts a private server.</summary>
    public static async Task<PostgresServer> StartAsync(PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
            return new PostgresServer(external, privateServer: null);

        options ??= new PostgresServerOptions();
        var server = await PrivatePostgresServer.StartAsync(
            new PrivatePostgresServerOptions { BinDirectory = options.BinDirectory, Settings = options.Settings },
            cancellationToken);
        return new PostgresServer(server.AdminConnectionString, server);
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default) =>
        PrivatePostgresServer.CreateDatabaseAsync(AdminConnectionString, prefix, cancellationToken);

    /// <summary>Stops the private server (fast shutdown: clients are disconnected), keeping its data, for outage tests.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        PrivateOrThrow("stopped").StopAsync(cancellationToken);

    /// <summary>Starts a server stopped by <see cref="StopAsync"/> again on the same port and data.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        PrivateOrThrow("started").ResumeAsync(cancellationToken);

    private PrivatePostgresServer PrivateOrThrow(string action) =>
        _private ?? throw new NotSupportedException($"The server from {ConnectionStringVariable} cannot be {action} by tests.");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_private is not null)
            await _private.DisposeAsync();
    }
}

/// <summary>How a private server is started.</summary>
public sealed class PostgresServerOptions
{
    /// <summary>Where initdb and pg_ctl are; Debian's PostgreSQL 15 by default.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Server settings passed with -c; the defaults trade durability for speed, which only tests may do.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new PrivatePostgresServerOptions().Settings;
}

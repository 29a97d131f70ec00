using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pipeline.Testing.Postgres;

/// <summary>
/// A private PostgreSQL 15 server for tests: initdb into a temporary folder as the <c>postgres</c> user,
/// started on a free port with its socket in that folder, stopped and deleted on dispose. When the
/// environment variable <see cref="ConnectionStringVariable"/> holds a connection string, that server is
/// used instead and nothing is started. Missing binaries are an error, never a silent skip.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "PIPELINE_TEST_POSTGRES";
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";
    private const string ServiceUser = "postgres";

    private readonly string? _folder;
    private readonly string? _startArguments;
    private readonly string _binDirectory;

    private PostgresServer(string adminConnectionString, string? folder, string? startArguments = null, string? binDirectory = null)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _startArguments = startArguments;
        _binDirectory = binDirectory ?? DefaultBinDirectory;
    }

    /// <summary>Connects as the superuser to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Uses <see cref="ConnectionStringVariable"/> when set, otherwise starts a private server.</summary>
    public static async Task<PostgresServer> StartAsync(PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresServerOptions();
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
            return new PostgresServer(external, folder: null);

        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException($"A private PostgreSQL server is started on Linux only; set {ConnectionStringVariable} elsewhere.");
        var binDirectory = options.BinDirectory ?? DefaultBinDirectory;
        foreach (var tool in (string[])["initdb", "pg_ctl", "postgres"])
        {
            if (!File.Exists(Path.Combine(binDirectory, tool)))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL server binaries are missing: {Path.Combine(binDirectory, tool)} does not exist. " +
                    $"Install them (apt-get install postgresql-15) or set {ConnectionStringVariable} to a server's connection string.");
            }
        }

        var folder = Directory.CreateTempSubdirectory("pipeline-pg-").FullName;
        try
        {
            // The server refuses to run as root; its user must own the folder and reach it.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                         UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            await RunAsync("chown", [ServiceUser, folder], cancellationToken);
            var dataFolder = Path.Combine(folder, "data");
            await RunAsServiceUserAsync(Path.Combine(binDirectory, "initdb"),
                ["-D", dataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken);

            var port = FreePort();
            var settings = string.Join(' ', options.Settings.Select(setting => $"-c {setting.Key}={setting.Value}"));
            var startArguments = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 {settings}";
            await StartServerAsync(binDirectory, folder, startArguments, cancellationToken);

            var admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
            }.ToString();
            return new PostgresServer(admin, folder, startArguments, binDirectory);
        }
        catch
        {
            await StopAndDeleteAsync(folder, binDirectory);
            throw;
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();

            // The name is made of a prefix chosen in code and hex digits; identifiers cannot be parameters.
            command.CommandText = $"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    /// <summary>Stops the private server (fast shutdown: clients are disconnected), keeping its data, for outage tests.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var folder = _folder ?? throw new NotSupportedException($"The server from {ConnectionStringVariable} cannot be stopped by tests.");
        await RunAsServiceUserAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop"], cancellationToken);
    }

    /// <summary>Starts a server stopped by <see cref="StopAsync"/> again on the same port and data.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        StartServerAsync(_binDirectory, _folder ?? throw new NotSupportedException($"The server from {ConnectionStringVariable} cannot be started by tests."),
            _startArguments!, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
            await StopAndDeleteAsync(_folder, DefaultBinDirectory);
    }

    private static async Task StopAndDeleteAsync(string folder, string binDirectory)
    {
        var dataFolder = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(dataFolder, "postmaster.pid")))
            await RunAsServiceUserAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataFolder, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        Directory.Delete(folder, recursive: true);
    }

    private static Task StartServerAsync(string binDirectory, string folder, string startArguments, CancellationToken cancellationToken) =>
        RunAsServiceUserAsync(Path.Combine(binDirectory, "pg_ctl"),
            ["-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", startArguments, "start"],
            cancellationToken, Path.Combine(folder, "server.log"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsServiceUserAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? logFile = null) =>
        RunAsync("runuser", ["-u", ServiceUser, "--", program, .. arguments], cancellationToken, logFile);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? logFile = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var log = logFile is not null && File.Exists(logFile) ? await File.ReadAllTextAsync(logFile, cancellationToken) : string.Empty;
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error}{await output}{log}");
        }
    }
}

/// <summary>How a private server is started.</summary>
public sealed class PostgresServerOptions
{
    /// <summary>Where initdb and pg_ctl are; Debian's PostgreSQL 15 by default.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// Server settings passed with -c. The defaults trade durability for speed, which only tests may do;
    /// benchmarks pass their own.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
    };
}

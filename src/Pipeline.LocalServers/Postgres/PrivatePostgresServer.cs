using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Pipeline.LocalServers;

/// <summary>
/// A private PostgreSQL 15 server: initdb into a temporary folder as the <c>postgres</c> user, started on a
/// free port with its socket in that folder, stopped and deleted on dispose. Missing binaries are an error
/// that says how to install them, never a silent skip.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";
    private const string ServiceUser = "postgres";

    private readonly string _folder;
    private readonly string _binDirectory;
    private readonly string _serverOptions;

    private PrivatePostgresServer(string adminConnectionString, string folder, string binDirectory, string serverOptions)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _binDirectory = binDirectory;
        _serverOptions = serverOptions;
    }

    /// <summary>Connects as the superuser to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The server's folder (data, socket, log); deleted on dispose.</summary>
    public string Folder => _folder;

    public static async Task<PrivatePostgresServer> StartAsync(PrivatePostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PrivatePostgresServerOptions();
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("A private PostgreSQL server is started on Linux only; give a server's connection string instead.");
        var binDirectory = options.BinDirectory ?? DefaultBinDirectory;
        foreach (var tool in (string[])["initdb", "pg_ctl", "postgres"])
        {
            if (!File.Exists(Path.Combine(binDirectory, tool)))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL server binaries are missing: {Path.Combine(binDirectory, tool)} does not exist. " +
                    $"Install them (apt-get install postgresql-15) or give a server's connection string instead.");
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

            var port = FreePorts.Take(1)[0];
            var settings = string.Join(' ', options.Settings.Select(setting => $"-c {setting.Key}={setting.Value}"));
            var serverOptions = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 {settings}";
            await StartServerAsync(binDirectory, folder, serverOptions, cancellationToken);

            var admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
            }.ToString();
            return new PrivatePostgresServer(admin, folder, binDirectory, serverOptions);
        }
        catch
        {
            await StopAndDeleteAsync(folder, binDirectory);
            throw;
        }
    }

    /// <summary>Stops the server (an outage for fault tests); <see cref="ResumeAsync"/> starts it again on the same port.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        RunAsServiceUserAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"], cancellationToken);

    public Task ResumeAsync(CancellationToken cancellationToken = default) =>
        StartServerAsync(_binDirectory, _folder, _serverOptions, cancellationToken);

    private static Task StartServerAsync(string binDirectory, string folder, string serverOptions, CancellationToken cancellationToken) =>
        RunAsServiceUserAsync(Path.Combine(binDirectory, "pg_ctl"),
            ["-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", serverOptions, "start"],
            cancellationToken, Path.Combine(folder, "server.log"));

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync(AdminConnectionString, prefix, cancellationToken);

    /// <summary>Creates an empty database with a unique name on any server the superuser connection reaches.</summary>
    public static async Task<string> CreateDatabaseAsync(string adminConnectionString, string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();

            // The name is made of a prefix chosen in code and hex digits; identifiers cannot be parameters.
            command.CommandText = $"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAndDeleteAsync(_folder, _binDirectory);
    }

    private static async Task StopAndDeleteAsync(string folder, string binDirectory)
    {
        var dataFolder = Path.Combine(folder, "data");
        if (ServerRuns(Path.Combine(dataFolder, "postmaster.pid")))
            await RunAsServiceUserAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataFolder, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Whether the pid file names a live postmaster: pg_ctl stop fails on one whose server is gone (killed with a
    /// cancelled start, see RunAsync) and on the one initdb's bootstrap leaves, a single-user server whose id is written
    /// negated and which dies with its initdb. A killed server the machine's init has not reaped yet is gone too.
    /// </summary>
    private static bool ServerRuns(string pidFile)
    {
        if (!File.Exists(pidFile) || !long.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || pid <= 0)
            return false;
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            // "pid (comm) state ...": the state follows the last parenthesis; Z is a zombie.
            var fields = File.ReadAllText(stat);
            return fields[fields.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false; // no such process
        }
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
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Left running, initdb or pg_ctl (and the server initdb bootstraps) would go on writing into the folder
            // the caller is about to delete.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var log = logFile is not null && File.Exists(logFile) ? await File.ReadAllTextAsync(logFile, cancellationToken) : string.Empty;
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error}{await output}{log}");
        }
    }
}

/// <summary>How a private server is started.</summary>
public sealed class PrivatePostgresServerOptions
{
    /// <summary>Where initdb and pg_ctl are; Debian's PostgreSQL 15 by default.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// Server settings passed with -c. The defaults trade durability for speed, which only tests may do;
    /// benchmarks pass durable ones.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
    };
}

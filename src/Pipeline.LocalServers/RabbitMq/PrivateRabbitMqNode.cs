using System.Globalization;
using System.Security.Cryptography;

namespace Pipeline.LocalServers;

/// <summary>
/// One RabbitMQ node of its own: unique node name, free ports (AMQP, management, prometheus, Erlang
/// distribution and a private epmd), and every file (config, cookie, data, logs, plugins list) in one
/// temporary folder. Nothing under /etc, /var/lib/rabbitmq or the default node's port 5672 is used.
/// </summary>
public sealed class PrivateRabbitMqNode : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);
    // stop_app on a loaded machine with quorum queues and live consumers was seen to take over a minute.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly Dictionary<string, string?> _environment;
    private ChildProcess? _server;

    private PrivateRabbitMqNode(string directory, string nodeName, NodePorts ports)
    {
        _directory = directory;
        NodeName = nodeName;
        Ports = ports;
        _environment = BuildEnvironment(directory, nodeName, ports);
    }

    public string NodeName { get; }

    public NodePorts Ports { get; }

    public string Directory => _directory;

    /// <summary>amqp://guest:guest@127.0.0.1:PORT/ (guest may connect over loopback only, which is all a private node listens on).</summary>
    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Ports.Amqp.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>http://127.0.0.1:PORT/ of the management plugin (the API is under /api/; guest's credentials as above).</summary>
    public Uri ManagementUri => new($"http://127.0.0.1:{Ports.Management.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>
    /// The Erlang VM (beam.smp) running this node, for measuring what the broker itself spends; null when it cannot be
    /// found. The scripts start it a few processes down, so it is recognised by this node's environment and its name.
    /// </summary>
    public int? FindBrokerProcessId() =>
        LeftoverProcesses.FindByEnvironmentMarker(EnvironmentMarker)
            .Where(pid => ReadCommandName(pid) == "beam.smp")
            .Select(pid => (int?)pid)
            .FirstOrDefault();

    private static string? ReadCommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // exited meanwhile
        }
    }

    /// <summary>Starts a node named <paramref name="namePrefix"/>-RANDOM@localhost and returns once it accepts connections.</summary>
    public static async Task<PrivateRabbitMqNode> StartAsync(string namePrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(namePrefix);
        RabbitMqInstallation.EnsureInstalled();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var directory = Path.Combine(Path.GetTempPath(), "pipeline-rabbitmq-" + id);
        var free = FreePorts.Take(5);
        var ports = new NodePorts(Amqp: free[0], Management: free[1], Prometheus: free[2], Distribution: free[3], Epmd: free[4]);
        var node = new PrivateRabbitMqNode(directory, $"{namePrefix}-{id}@localhost", ports);
        try
        {
            await node.PrepareDirectoryAsync(cancellationToken);
            await node.StartServerAsync(cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the RabbitMQ application but keeps the Erlang node up: clients see the broker go away.</summary>
    public Task StopAppAsync(CancellationToken cancellationToken) => ControlAsync(cancellationToken, "stop_app");

    public async Task StartAppAsync(CancellationToken cancellationToken)
    {
        await ControlAsync(cancellationToken, "start_app");
        await ControlAsync(cancellationToken, "await_startup", "--timeout", "60");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            try
            {
                var stop = await RunControlAsync(CancellationToken.None, "stop");
                if (stop.Succeeded)
                {
                    await WaitForServerExitAsync();
                }
            }
            catch (TimeoutException)
            {
                // rabbitmqctl hung (seen on a machine with load ~50): the kill below still ends the node and its
                // epmd; letting this escape left both running.
            }
        }

        // The node may have refused to stop, and epmd always outlives it: kill what is left of THIS node only.
        LeftoverProcesses.KillByEnvironmentMarker(EnvironmentMarker);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The server's output and the end of its log, for failure messages.</summary>
    public string Diagnostics()
    {
        var log = Path.Combine(_directory, "log", NodeName + ".log");
        var logTail = File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(40)) : "(no log file)";
        return $"server output:{Environment.NewLine}{_server?.Output()}{Environment.NewLine}log ({log}):{Environment.NewLine}{logTail}";
    }

    private string EnvironmentMarker => "RABBITMQ_MNESIA_BASE=" + Path.Combine(_directory, "mnesia");

    private string HomeDirectory => Path.Combine(_directory, "home");

    private static Dictionary<string, string?> BuildEnvironment(string directory, string nodeName, NodePorts ports) => new()
    {
        ["RABBITMQ_NODENAME"] = nodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = ports.Amqp.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = ports.Distribution.ToString(CultureInfo.InvariantCulture),
        // A private epmd: the node registers there, rabbitmqctl looks it up there, and killing it later
        // cannot disturb other Erlang nodes on the machine.
        ["ERL_EPMD_PORT"] = ports.Epmd.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(directory, "plugins-expand"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config"),
        // Without this the scripts source /etc/rabbitmq/rabbitmq-env.conf, the system node's settings.
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        // The Erlang cookie is read from $HOME: a private one lets rabbitmqctl (and only it) reach this node.
        ["HOME"] = Path.Combine(directory, "home"),
        // Inherited node settings from a developer's shell would override the ones above.
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = null,
        ["RABBITMQ_SERVER_START_ARGS"] = null,
    };

    private async Task PrepareDirectoryAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("A private RabbitMQ node needs Linux (Debian's rabbitmq-server package).");
        }

        // Debian's scripts run the node as the rabbitmq user: every folder on the way must be traversable.
        const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        System.IO.Directory.CreateDirectory(_directory, Traversable);
        System.IO.Directory.CreateDirectory(HomeDirectory, Traversable);

        await File.WriteAllTextAsync(Path.Combine(_directory, "enabled_plugins"), "[rabbitmq_management,rabbitmq_prometheus].\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_directory, "rabbitmq-env.conf"), string.Empty, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_directory, "rabbitmq.conf"), RabbitMqConfig(), cancellationToken);

        var cookie = Path.Combine(HomeDirectory, ".erlang.cookie");
        await File.WriteAllTextAsync(cookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), cancellationToken);
        // Erlang refuses a cookie file that others can read.
        File.SetUnixFileMode(cookie, UnixFileMode.UserRead);

        if (Environment.IsPrivilegedProcess)
        {
            var chown = await ChildProcess.RunAsync(
                new ChildProcessOptions("chown", ["-R", $"{RabbitMqInstallation.ServiceUser}:{RabbitMqInstallation.ServiceUser}", _directory]),
                CommandTimeout,
                cancellationToken);
            if (!chown.Succeeded)
            {
                throw new InvalidOperationException($"Could not hand {_directory} to the rabbitmq user: {chown}");
            }
        }
    }

    private string RabbitMqConfig() => string.Join('\n',
        "loopback_users.guest = true",
        "management.tcp.ip = 127.0.0.1",
        $"management.tcp.port = {Ports.Management.ToString(CultureInfo.InvariantCulture)}",
        "prometheus.tcp.ip = 127.0.0.1",
        $"prometheus.tcp.port = {Ports.Prometheus.ToString(CultureInfo.InvariantCulture)}",
        // Queue rates appear after one statistics interval: 1 s instead of 5 s keeps monitoring tests short.
        "collect_statistics_interval = 1000",
        string.Empty);

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        _server = ChildProcess.Start(AsNodeUser(RabbitMqInstallation.ServerScript, []));
        await Eventually.WaitUntilAsync(
            async ct =>
            {
                if (_server.HasExited)
                {
                    throw new InvalidOperationException(
                        $"RabbitMQ node {NodeName} exited with code {_server.ExitCode} while starting.{Environment.NewLine}{Diagnostics()}");
                }

                // await_startup fails at once while the node is not registered yet, so it is retried.
                var probe = await RunControlAsync(ct, "await_startup", "--timeout", "10");
                return probe.Succeeded;
            },
            StartupTimeout,
            $"RabbitMQ node {NodeName} to finish booting",
            pollInterval: TimeSpan.FromMilliseconds(250),
            cancellationToken: cancellationToken);
    }

    private async Task ControlAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await RunControlAsync(cancellationToken, arguments);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed on {NodeName}: {result}");
        }
    }

    private Task<ProcessResult> RunControlAsync(CancellationToken cancellationToken, params string[] arguments) =>
        ChildProcess.RunAsync(
            AsNodeUser(RabbitMqInstallation.ControlScript, ["-n", NodeName, .. arguments]),
            CommandTimeout,
            cancellationToken);

    /// <summary>
    /// As root the scripts must run as the rabbitmq user (the folder belongs to it). runuser resets HOME,
    /// so HOME is set again through env after the switch.
    /// </summary>
    private ChildProcessOptions AsNodeUser(string script, IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? new ChildProcessOptions("runuser", ["-u", RabbitMqInstallation.ServiceUser, "--", "env", "HOME=" + HomeDirectory, script, .. arguments])
            {
                Environment = _environment,
                WorkingDirectory = _directory,
            }
            : new ChildProcessOptions(script, arguments)
            {
                Environment = _environment,
                WorkingDirectory = _directory,
            };

    private async Task WaitForServerExitAsync()
    {
        try
        {
            await _server!.WaitForExitAsync(ExitTimeout);
        }
        catch (TimeoutException)
        {
            // WaitForExitAsync killed the launcher; the leftover scan that follows removes the rest.
        }
    }
}

/// <summary>The ports one private node listens on.</summary>
public sealed record NodePorts(int Amqp, int Management, int Prometheus, int Distribution, int Epmd);

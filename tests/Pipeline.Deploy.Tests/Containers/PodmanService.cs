using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>
/// Podman with a private configuration (containers.conf in a temporary folder, nothing under /etc changes)
/// and its Docker-compatible API on a private socket, so Debian's docker-compose can drive it.
/// </summary>
internal sealed class PodmanService : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly string _folder;
    private ChildProcess? _service;

    private PodmanService(string folder) => _folder = folder;

    public string SocketPath => Path.Combine(_folder, "podman.sock");

    public string DockerHost => "unix://" + SocketPath;

    /// <summary>CONTAINERS_CONF for every podman call, so all of them use the same private settings.</summary>
    public IReadOnlyDictionary<string, string?> Environment => EnvironmentFor(_folder);

    /// <summary>The first tool the container tests need that is not installed, as a message; null when all are.</summary>
    public static string? MissingTool =>
        ((string[])["/usr/bin/podman", "/usr/sbin/runc", "/usr/bin/docker-compose", "/usr/sbin/debootstrap"]).FirstOrDefault(t => !File.Exists(t)) is { } missing
            ? $"{missing} is missing: `apt-get install podman runc debootstrap docker-compose` (tests/run.sh installs them)."
            : null;

    /// <summary>Checks the tools and writes the private configuration; the API service starts later.</summary>
    public static async Task<PodmanService> CreateAsync()
    {
        if (MissingTool is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        var folder = Directory.CreateTempSubdirectory("pipeline-podman-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "containers.conf"), ContainersConf());
        return new PodmanService(folder);
    }

    /// <summary>
    /// Starts the Docker-compatible API. Call it once the images are built: podman 4.3's service stopped
    /// answering when images were imported and built through the command line while it ran.
    /// </summary>
    public async Task StartApiAsync()
    {
        var service = ChildProcess.Start(new ChildProcessOptions("/usr/bin/podman", ["system", "service", "--time=0", DockerHost])
        {
            Environment = Environment,
        });
        _service = service;
        await Eventually.WaitUntilAsync(
            () => service.HasExited
                ? throw new InvalidOperationException($"podman system service exited: {service.Output()}")
                : File.Exists(SocketPath),
            TimeSpan.FromSeconds(30),
            "podman's API socket to appear");
    }

    public async Task<ProcessResult> PodmanAsync(params string[] arguments)
    {
        var result = await ChildProcess.RunAsync(new ChildProcessOptions("/usr/bin/podman", arguments) { Environment = Environment }, CommandTimeout);
        return result.Succeeded ? result : throw new InvalidOperationException($"podman {string.Join(' ', arguments)} failed: {result}");
    }

    /// <summary>
    /// Removes every container of compose projects whose name starts with <paramref name="projectPrefix"/> through
    /// the command line, not the API, so it works even when the API service is gone or stuck. `--external` also
    /// lists containers that exist only in the storage layer (a creation cut short), which `rm --storage` removes.
    /// </summary>
    public async Task RemoveProjectLeftoversAsync(string projectPrefix)
    {
        var listed = await PodmanAsync("ps", "--all", "--external", "--format", "{{.ID}} {{.Names}}");
        foreach (var line in listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && parts[1].StartsWith(projectPrefix, StringComparison.Ordinal))
            {
                var removed = await ChildProcess.RunAsync(new ChildProcessOptions("/usr/bin/podman", ["rm", "--force", "--time", "0", parts[0]]) { Environment = Environment }, CommandTimeout);
                if (!removed.Succeeded)
                {
                    await PodmanAsync("rm", "--force", "--storage", parts[0]);
                }
            }
        }
    }

    /// <summary>The API service's own log, for failure messages.</summary>
    public string ServiceOutput() => _service?.Output() ?? "(API service not started)";

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopGracefullyAsync(TimeSpan.FromSeconds(10));
            await _service.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static Dictionary<string, string?> EnvironmentFor(string folder) => new()
    {
        ["CONTAINERS_CONF"] = Path.Combine(folder, "containers.conf"),
    };

    /// <summary>
    /// The two settings this kind of machine needs: root cannot raise its open-file limit (podman's default
    /// request fails with EPERM), and crun refuses the hybrid cgroup layout, so runc with cgroupfs is used.
    /// </summary>
    private static string ContainersConf()
    {
        var hardLimit = OpenFileHardLimit();
        var nofile = Math.Min(20000, hardLimit);
        return $"""
            [containers]
            default_ulimits = ["nofile={nofile}:{nofile}", "nproc=32768:32768"]
            [engine]
            runtime = "runc"
            cgroup_manager = "cgroupfs"

            """;
    }

    private static long OpenFileHardLimit()
    {
        foreach (var line in File.ReadLines("/proc/self/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var hard = line[26..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
                return hard == "unlimited" ? long.MaxValue : long.Parse(hard, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("No 'Max open files' line in /proc/self/limits.");
    }
}

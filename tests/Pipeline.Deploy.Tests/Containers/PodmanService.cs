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

    /// <summary>Checks the tools and writes the private configuration; the API service starts later.</summary>
    public static async Task<PodmanService> CreateAsync()
    {
        foreach (var tool in (string[])["/usr/bin/podman", "/usr/bin/docker-compose", "/usr/sbin/debootstrap"])
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException(
                    $"{tool} is missing: `apt-get install podman runc debootstrap docker-compose` (tests/run.sh installs them).");
            }
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

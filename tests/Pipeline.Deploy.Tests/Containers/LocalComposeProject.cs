using System.Globalization;
using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>deploy/compose.local.yml brought up through Podman's Docker API under a unique project name.</summary>
internal sealed class LocalComposeProject(PodmanService podman, string projectName, IReadOnlyDictionary<string, string?> variables)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public string ProjectName => projectName;

    public Task UpAsync(IReadOnlyDictionary<string, int> replicas) =>
        ComposeAsync(["up", "-d", "--no-build", .. replicas.SelectMany(r => (string[])["--scale", $"{r.Key}={r.Value.ToString(CultureInfo.InvariantCulture)}"])]);

    public Task StopAsync(string service) => ComposeAsync(["stop", service]);

    public Task DownAsync() => ComposeAsync(["down", "--volumes", "--remove-orphans", "--timeout", "45"]);

    public async Task<string> LogsAsync(string service) => (await ComposeAsync(["logs", "--no-color", service])).StandardOutput;

    /// <summary>Where podman keeps a volume of this project on the host (the test drops files there).</summary>
    public async Task<string> VolumeFolderAsync(string volume)
    {
        var result = await podman.PodmanAsync("volume", "inspect", "--format", "{{.Mountpoint}}", $"{projectName}_{volume}");
        return result.StandardOutput.Trim();
    }

    private async Task<ProcessResult> ComposeAsync(IReadOnlyList<string> arguments)
    {
        var environment = new Dictionary<string, string?>(variables)
        {
            ["DOCKER_HOST"] = podman.DockerHost,
            // Podman 4.3's API stalled (60 s read time-outs, then a wedged service) when docker-compose created
            // and started six containers at once on a loaded machine: two at a time (its least), with a longer time-out.
            ["COMPOSE_PARALLEL_LIMIT"] = "2",
            ["COMPOSE_HTTP_TIMEOUT"] = "300",
        };
        foreach (var (name, value) in podman.Environment)
        {
            environment[name] = value;
        }

        var result = await ChildProcess.RunAsync(
            new ChildProcessOptions(
                "/usr/bin/docker-compose",
                ["--project-name", projectName, "--project-directory", RepositoryFiles.PathOf("deploy"), "--file", RepositoryFiles.PathOf("deploy/compose.local.yml"), .. arguments])
            {
                Environment = environment,
            },
            CommandTimeout);
        return result.Succeeded
            ? result
            : throw new InvalidOperationException($"docker-compose {string.Join(' ', arguments)} failed: {result}");
    }
}

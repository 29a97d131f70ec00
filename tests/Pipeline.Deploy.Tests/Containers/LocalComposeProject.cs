using System.Globalization;
using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>
/// deploy/compose.local.yml brought up through Podman's Docker API under a unique project name, with its shared
/// folders (inbox, data, archive, quarantine) as bind mounts under <see cref="StateFolder"/>.
/// </summary>
internal sealed class LocalComposeProject(PodmanService podman, string projectName, string stateFolder, IReadOnlyDictionary<string, string?> variables)
{
    /// <summary>The image's non-root user (deploy/Containerfile), which must own the bind-mounted folders.</summary>
    private const int ContainerUserId = 1654;

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public string ProjectName => projectName;

    /// <summary>Host folder holding intake/, data/, archive/ and quarantine/ as the containers see them.</summary>
    public string StateFolder => stateFolder;

    public string Inbox => Path.Combine(stateFolder, "intake", "inbox");

    /// <summary>Creates the shared folders, owned by the containers' user (the test runs as root).</summary>
    public async Task CreateStateFoldersAsync()
    {
        foreach (var folder in (string[])["intake/inbox", "intake/work", "data", "archive", "quarantine"])
        {
            Directory.CreateDirectory(Path.Combine(stateFolder, folder));
        }

        var owner = $"{ContainerUserId}:{ContainerUserId}";
        var result = await ChildProcess.RunAsync(new ChildProcessOptions("/bin/chown", ["-R", owner, stateFolder]), TimeSpan.FromMinutes(1));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"chown -R {owner} {stateFolder} failed: {result}");
        }
    }

    /// <summary>`up -d` with the given replicas; <paramref name="noRecreate"/> keeps running containers as they are.</summary>
    public Task UpAsync(IReadOnlyDictionary<string, int> replicas, bool noRecreate = false) =>
        ComposeAsync(["up", "-d", "--no-build", .. noRecreate ? (string[])["--no-recreate"] : [],
            .. replicas.SelectMany(r => (string[])["--scale", $"{r.Key}={r.Value.ToString(CultureInfo.InvariantCulture)}"])]);

    public Task StopAsync(string service) => ComposeAsync(["stop", service]);

    public Task DownAsync() => ComposeAsync(["down", "--volumes", "--remove-orphans", "--timeout", "45"]);

    public async Task<string> LogsAsync(string service) => (await ComposeAsync(["logs", "--no-color", service])).StandardOutput;

    /// <summary>Names of this project's containers of one service, as podman lists them (oldest first).</summary>
    public async Task<IReadOnlyList<string>> ContainerNamesAsync(string service)
    {
        var result = await podman.PodmanAsync("ps", "--filter", $"label=com.docker.compose.project={projectName}",
            "--filter", $"label=com.docker.compose.service={service}", "--sort", "created", "--format", "{{.Names}}");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private async Task<ProcessResult> ComposeAsync(IReadOnlyList<string> arguments)
    {
        var environment = new Dictionary<string, string?>(variables)
        {
            ["DOCKER_HOST"] = podman.DockerHost,
            ["PIPELINE_STATE_DIR"] = stateFolder,
            // Never COMPOSE_PARALLEL_LIMIT: docker-compose 1.x takes a slot of the same limit for each service and
            // again for each of its containers, so a small limit deadlocks it (docker/compose issue 5864).
            ["COMPOSE_PARALLEL_LIMIT"] = null,
            // Stopping a busy worker may take its whole grace period (40 s) before the API answers.
            ["COMPOSE_HTTP_TIMEOUT"] = "120",
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

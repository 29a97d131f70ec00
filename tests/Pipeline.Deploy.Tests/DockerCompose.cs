using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests;

/// <summary>Runs Debian's docker-compose (1.29) on the repository's compose file; `config` needs no engine.</summary>
internal static class DockerCompose
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static async Task<ProcessResult> ConfigAsync(string envFile)
    {
        if (!File.Exists("/usr/bin/docker-compose"))
        {
            throw new InvalidOperationException(
                "docker-compose is not installed: `apt-get install docker-compose` (tests/run.sh installs it).");
        }

        return await ChildProcess.RunAsync(
            new ChildProcessOptions(
                "/usr/bin/docker-compose",
                ["--project-directory", RepositoryFiles.Root, "--file", RepositoryFiles.PathOf("docker-compose.yml"), "--env-file", envFile, "config"])
            {
                // Only the env file may supply the credentials: a developer's shell must not make the test pass.
                Environment = new Dictionary<string, string?>
                {
                    ["RABBITMQ_USER"] = null,
                    ["RABBITMQ_PASSWORD"] = null,
                    ["POSTGRES_USER"] = null,
                    ["POSTGRES_PASSWORD"] = null,
                    ["POSTGRES_DB"] = null,
                    ["DOCKER_HOST"] = null,
                },
                WorkingDirectory = RepositoryFiles.Root,
            },
            Timeout);
    }
}

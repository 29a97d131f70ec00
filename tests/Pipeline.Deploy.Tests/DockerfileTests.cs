using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests;

public sealed class DockerfileTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_smaller_aspnet_runtime()
    {
        var stages = _dockerfile.Instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", stages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_as_a_non_root_user_with_pipeline_as_entrypoint_and_a_liveness_healthcheck()
    {
        var final = _dockerfile.FinalStage.ToList();

        var user = Assert.Single(final, i => i.Instruction == "USER").Arguments;
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.Contains("/usr/local/bin/pipeline\"", Assert.Single(final, i => i.Instruction == "ENTRYPOINT").Arguments, StringComparison.Ordinal);
        Assert.Contains("pipeline-healthcheck", Assert.Single(final, i => i.Instruction == "HEALTHCHECK").Arguments, StringComparison.Ordinal);
        Assert.Contains("/health/live", RepositoryFiles.Read("deploy/healthcheck.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bakes_in_no_credentials()
    {
        var keys = _dockerfile.Instructions.Where(i => i.Instruction is "ENV" or "ARG").Select(i => i.Arguments).ToList();

        Assert.DoesNotContain(keys, k => k.Contains("RabbitMq__Uri", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_context_leaves_out_local_data_secrets_and_build_output()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.PathOf(".dockerignore"));

        Assert.Contains(".env", ignored);
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
    }

    [Fact]
    public void Every_file_the_image_copies_from_the_repository_exists()
    {
        var sources = _dockerfile.Instructions
            .Where(i => i.Instruction == "COPY" && !i.Arguments.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));

        Assert.All(sources, source => Assert.True(
            File.Exists(RepositoryFiles.PathOf(source)) || Directory.Exists(RepositoryFiles.PathOf(source)),
            $"COPY {source}: not in the repository"));
    }
}

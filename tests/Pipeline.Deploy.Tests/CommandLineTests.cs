using Pipeline.Host.Cli;

namespace Pipeline.Deploy.Tests;

/// <summary>The commands the compose services and k8s Deployments run must be ones `pipeline` accepts.</summary>
public sealed class CommandLineTests
{
    private const string ApiCommand = "api";

    public static TheoryData<string> DeployedCommands()
    {
        var commands = new HashSet<string>(StringComparer.Ordinal);
        var compose = Yaml.LoadSingle(RepositoryFiles.PathOf("docker-compose.yml")).Map("services");
        foreach (var (name, service) in compose.Entries())
        {
            if (service.Get("command") is YamlDotNet.RepresentationModel.YamlSequenceNode command && name is not ("rabbitmq" or "postgres"))
            {
                commands.Add(string.Join(' ', command.Texts()));
            }
        }

        foreach (var deployment in KubernetesManifests.Load().OfKind("Deployment"))
        {
            foreach (var container in deployment.Map("spec").Map("template").Map("spec").Seq("containers").Children)
            {
                commands.Add(string.Join(' ', container.Seq("args").Texts()));
            }
        }

        // Checked by its own (skipped) test until the command exists.
        commands.Remove(ApiCommand);
        return [.. commands.Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(DeployedCommands))]
    public void Pipeline_accepts_the_deployed_command(string command)
    {
        var parse = PipelineCommandLine.Create().Parse(command.Split(' '));

        Assert.True(parse.Errors.Count == 0, $"`pipeline {command}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void Pipeline_accepts_the_api_command() => Pipeline_accepts_the_deployed_command(ApiCommand);
}

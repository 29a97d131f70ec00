using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Deploy.Tests;

/// <summary>
/// Containers configure Pipeline through environment variables (Section__Key). A misspelt key is silently
/// ignored by .NET configuration, so every key the deployment files set must name a real option.
/// </summary>
public sealed class ConfigurationKeyTests
{
    public static TheoryData<string, string> ComposeKeys()
    {
        var compose = Yaml.LoadSingle(RepositoryFiles.PathOf("docker-compose.yml"));
        var data = new TheoryData<string, string>();
        foreach (var stage in (string[])["api", .. PipelineFacts.Stages])
        {
            foreach (var (key, _) in compose.Map("services").Map(stage).Map("environment").Entries())
            {
                data.Add("docker-compose.yml " + stage, key);
            }
        }

        var local = Yaml.LoadSingle(RepositoryFiles.PathOf("deploy/compose.local.yml"));
        foreach (var stage in PipelineFacts.Stages)
        {
            foreach (var (key, _) in local.Map("services").Map(stage).Map("environment").Entries())
            {
                data.Add("deploy/compose.local.yml " + stage, key);
            }
        }

        return data;
    }

    public static TheoryData<string, string> KubernetesKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var (key, _) in KubernetesManifests.Load().Single("ConfigMap", "pipeline-config").Map("data").Entries())
        {
            data.Add("ConfigMap pipeline-config", key);
        }

        foreach (var (key, _) in KubernetesManifests.Load().Single("Secret", "pipeline-credentials").Map("stringData").Entries())
        {
            data.Add("Secret pipeline-credentials", key);
        }

        return data;
    }

    public static TheoryData<string, string> DockerfileKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in (string[])["deploy/Dockerfile", "deploy/Containerfile"])
        {
            foreach (var key in Dockerfile.Load(file).EnvironmentVariables.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)))
            {
                data.Add(file, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ComposeKeys))]
    [MemberData(nameof(KubernetesKeys))]
    [MemberData(nameof(DockerfileKeys))]
    public void Key_names_an_option_pipeline_reads(string file, string key)
    {
        var parts = key.Split("__");
        Assert.True(parts.Length == 2, $"{file}: {key} should be Section__Option");
        var (section, option) = (parts[0], parts[1]);

        Assert.True(PipelineFacts.OptionsBySection.TryGetValue(section, out var optionsType), $"{file}: no options section '{section}' ({key})");
        var property = optionsType.GetProperty(option, BindingFlags.Public | BindingFlags.Instance);
        Assert.True(property is { CanWrite: true }, $"{file}: {optionsType.Name} has no settable property '{option}' ({key})");
    }

    [Fact]
    public void Compose_and_kubernetes_give_the_stages_the_same_settings()
    {
        var compose = Yaml.LoadSingle(RepositoryFiles.PathOf("docker-compose.yml"))
            .Map("services").Map("extract").Map("environment").Entries()
            .ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
        var kubernetes = KubernetesManifests.Load().Single("ConfigMap", "pipeline-config").Map("data").Entries();

        Assert.All(kubernetes.Where(e => compose.ContainsKey(e.Key)), e =>
            Assert.Equal(compose[e.Key], ((YamlScalarNode)e.Value).Value));
        Assert.All(compose.Keys, key => Assert.True(
            kubernetes.Any(e => e.Key == key) || KubernetesManifests.Load().Single("Secret", "pipeline-credentials").Map("stringData").Get(key) is not null,
            $"{key} is set in compose but neither in the ConfigMap nor the Secret"));
    }
}

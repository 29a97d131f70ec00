using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Deploy.Tests;

public sealed class KubernetesManifestTests
{
    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    public static TheoryData<string> Stages => [.. PipelineFacts.Stages];

    [Fact]
    public void Every_document_names_its_api_version_kind_and_name()
    {
        Assert.NotEmpty(_manifests.Documents);
        Assert.All(_manifests.Documents, d =>
        {
            if (d.Document.TextOrNull("kind") == "Kustomization")
            {
                return;
            }

            Assert.False(string.IsNullOrEmpty(d.Document.TextOrNull("apiVersion")), $"{d.File}: apiVersion");
            Assert.False(string.IsNullOrEmpty(d.Document.TextOrNull("kind")), $"{d.File}: kind");
            Assert.False(string.IsNullOrEmpty(d.Document.Map("metadata").TextOrNull("name")), $"{d.File}: metadata.name");
        });
    }

    [Fact]
    public void Kustomization_lists_every_manifest_but_the_secret_template()
    {
        var kustomization = Yaml.LoadSingle(RepositoryFiles.PathOf($"{KubernetesManifests.Folder}/kustomization.yaml"));
        var files = Directory.EnumerateFiles(RepositoryFiles.PathOf(KubernetesManifests.Folder), "*.yaml")
            .Select(Path.GetFileName)
            .Where(name => name is not "kustomization.yaml" and not "secret.example.yaml")
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, kustomization.Seq("resources").Texts().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_deployment_runs_its_worker_with_config_secret_and_probes(string stage)
    {
        var deployment = _manifests.Single("Deployment", "pipeline-" + stage);
        var spec = deployment.Map("spec");
        var pod = spec.Map("template").Map("spec");
        var container = (YamlMappingNode)Assert.Single(pod.Seq("containers").Children);

        AssertSelectorMatchesTemplate(deployment);
        Assert.Equal(["worker", stage], container.Seq("args").Texts());
        Assert.False(string.IsNullOrEmpty(container.TextOrNull("image")));
        var envSources = container.Seq("envFrom").Children
            .Select(s => s.Get("configMapRef")?.Get("name") ?? s.Get("secretRef")?.Get("name"))
            .OfType<YamlScalarNode>().Select(n => n.Value).ToList();
        Assert.Contains("pipeline-config", envSources);
        Assert.Contains("pipeline-credentials", envSources);
        Assert.Equal("/health/live", container.Map("livenessProbe").Map("httpGet").Text("path"));
        Assert.Equal("/health/ready", container.Map("readinessProbe").Map("httpGet").Text("path"));
        Assert.Equal("true", pod.Map("securityContext").Text("runAsNonRoot"));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Termination_grace_outlasts_the_workers_shutdown_timeout(string stage)
    {
        var configured = _manifests.Single("ConfigMap", "pipeline-config").Map("data").TextOrNull("Pipeline__ShutdownTimeout");
        var shutdownTimeout = configured is null
            ? PipelineFacts.DefaultShutdownTimeout
            : TimeSpan.Parse(configured, CultureInfo.InvariantCulture);
        var pod = _manifests.Single("Deployment", "pipeline-" + stage).Map("spec").Map("template").Map("spec");

        var grace = TimeSpan.FromSeconds(int.Parse(pod.Text("terminationGracePeriodSeconds"), CultureInfo.InvariantCulture));

        Assert.True(grace > shutdownTimeout, $"terminationGracePeriodSeconds {grace} must exceed {shutdownTimeout}");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_is_scaled_by_keda_on_the_length_of_its_own_queue(string stage)
    {
        var scaled = _manifests.Single("ScaledObject", "pipeline-" + stage);
        var spec = scaled.Map("spec");
        var trigger = (YamlMappingNode)Assert.Single(spec.Seq("triggers").Children);
        var metadata = trigger.Map("metadata");

        Assert.Equal("pipeline-" + stage, spec.Map("scaleTargetRef").Text("name"));
        _manifests.Single("Deployment", spec.Map("scaleTargetRef").Text("name"));
        Assert.Equal("rabbitmq", trigger.Text("type"));
        Assert.Equal("QueueLength", metadata.Text("mode"));
        Assert.Equal("http", metadata.Text("protocol"));
        Assert.Equal(PipelineFacts.QueueByStage[stage], metadata.Text("queueName"));
        Assert.True(int.Parse(metadata.Text("value"), CultureInfo.InvariantCulture) > 0);
        var min = int.Parse(spec.Text("minReplicaCount"), CultureInfo.InvariantCulture);
        var max = int.Parse(spec.Text("maxReplicaCount"), CultureInfo.InvariantCulture);
        Assert.InRange(min, 1, max);
    }

    [Fact]
    public void Keda_authentication_reads_the_management_host_from_the_documented_secret()
    {
        var authName = Assert.Single(_manifests.OfKind("ScaledObject")
            .SelectMany(s => s.Map("spec").Seq("triggers").Children)
            .Select(t => t.Map("authenticationRef").Text("name"))
            .Distinct());
        var auth = _manifests.Single("TriggerAuthentication", authName);
        var reference = (YamlMappingNode)Assert.Single(auth.Map("spec").Seq("secretTargetRef").Children);
        var secret = _manifests.Single("Secret", reference.Text("name"));

        Assert.Equal("host", reference.Text("parameter"));
        Assert.StartsWith("http://", secret.Map("stringData").Text(reference.Text("key")), StringComparison.Ordinal);
    }

    [Fact]
    public void Api_service_selects_the_api_pods_on_their_http_port()
    {
        var service = _manifests.Single("Service", "pipeline-api");
        var deployment = _manifests.Single("Deployment", "pipeline-api");
        var podLabels = deployment.Map("spec").Map("template").Map("metadata").Map("labels").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
        var container = (YamlMappingNode)Assert.Single(deployment.Map("spec").Map("template").Map("spec").Seq("containers").Children);
        var portNames = container.Seq("ports").Children.Select(p => ((YamlMappingNode)p).TextOrNull("name"));

        Assert.All(service.Map("spec").Map("selector").Entries(), e => Assert.Equal(((YamlScalarNode)e.Value).Value, podLabels.GetValueOrDefault(e.Key)));
        var targetPort = ((YamlMappingNode)Assert.Single(service.Map("spec").Seq("ports").Children)).Text("targetPort");
        Assert.Contains(targetPort, portNames);
    }

    [Fact]
    public void Every_claimed_volume_is_declared()
    {
        var claims = _manifests.OfKind("PersistentVolumeClaim").Select(c => c.Map("metadata").Text("name")).ToHashSet();

        var used = _manifests.OfKind("Deployment")
            .SelectMany(d => d.Map("spec").Map("template").Map("spec").Seq("volumes").Children)
            .Select(v => v.Map("persistentVolumeClaim").Text("claimName"))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Subset(claims, used);
    }

    private static void AssertSelectorMatchesTemplate(YamlMappingNode deployment)
    {
        var selector = deployment.Map("spec").Map("selector").Map("matchLabels").Entries();
        var labels = deployment.Map("spec").Map("template").Map("metadata").Map("labels").Entries()
            .ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);

        Assert.All(selector, e => Assert.Equal(((YamlScalarNode)e.Value).Value, labels.GetValueOrDefault(e.Key)));
    }
}

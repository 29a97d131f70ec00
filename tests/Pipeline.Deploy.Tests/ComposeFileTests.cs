using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Deploy.Tests;

/// <summary>The shape of docker-compose.yml: what scaling, restarts and graceful shutdown rely on.</summary>
public sealed class ComposeFileTests
{
    private static readonly string[] SharedVolumes = ["intake", "data", "archive", "quarantine"];

    private readonly YamlMappingNode _compose = Yaml.LoadSingle(RepositoryFiles.PathOf("docker-compose.yml"));

    private YamlMappingNode Services => _compose.Map("services");

    public static TheoryData<string> Stages => [.. PipelineFacts.Stages];

    [Fact]
    public void Has_broker_database_every_stage_and_the_api()
    {
        var names = Services.Entries().Select(e => e.Key).ToHashSet();

        Assert.Superset(new HashSet<string>(["rabbitmq", "postgres", "api", .. PipelineFacts.Stages]), names);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_service_runs_its_worker_and_can_be_scaled(string stage)
    {
        var service = Services.Map(stage);

        Assert.Equal(["worker", stage], service.Seq("command").Texts());
        Assert.Null(service.Get("container_name"));
        Assert.Null(service.Get("ports"));
        Assert.Equal("on-failure", service.Text("restart"));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_service_waits_for_healthy_broker_and_database(string stage)
    {
        var dependsOn = Services.Map(stage).Map("depends_on");

        Assert.Equal("service_healthy", dependsOn.Map("rabbitmq").Text("condition"));
        Assert.Equal("service_healthy", dependsOn.Map("postgres").Text("condition"));
        Assert.NotNull(Services.Map("rabbitmq").Get("healthcheck"));
        Assert.NotNull(Services.Map("postgres").Get("healthcheck"));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Grace_period_outlasts_the_workers_shutdown_timeout(string stage)
    {
        var service = Services.Map(stage);
        var shutdownTimeout = TimeSpan.Parse(service.Map("environment").Text("Pipeline__ShutdownTimeout"), System.Globalization.CultureInfo.InvariantCulture);

        var grace = ParseComposeDuration(service.Text("stop_grace_period"));

        Assert.Equal("SIGTERM", service.Text("stop_signal"));
        Assert.True(grace > shutdownTimeout, $"stop_grace_period {grace} must exceed Pipeline__ShutdownTimeout {shutdownTimeout}");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_service_mounts_the_shared_named_volumes(string stage)
    {
        var declared = _compose.Map("volumes").Entries().Select(e => e.Key).ToHashSet();
        var mounted = Services.Map(stage).Seq("volumes").Texts().Select(v => v.Split(':')[0]).ToHashSet();

        Assert.Superset(SharedVolumes.ToHashSet(), mounted);
        Assert.Superset(mounted, declared);
    }

    [Fact]
    public void Inbox_and_work_folders_share_one_volume_so_claiming_stays_an_atomic_rename()
    {
        var environment = Services.Map("ingest").Map("environment");
        var mounts = Services.Map("ingest").Seq("volumes").Texts().Select(v => v.Split(':')).ToDictionary(p => p[1], p => p[0]);

        var inboxVolume = VolumeHolding(environment.Text("Ingest__InboxFolder"), mounts);
        var workVolume = VolumeHolding(environment.Text("Ingest__WorkFolder"), mounts);

        Assert.Equal(inboxVolume, workVolume);
    }

    [Fact]
    public void Credentials_come_only_from_the_env_file()
    {
        var raw = RepositoryFiles.Read("docker-compose.yml");

        foreach (var variable in new[] { "RABBITMQ_USER", "RABBITMQ_PASSWORD", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB" })
        {
            // ${NAME:?message} fails when unset; ${NAME:-default} or ${NAME} would silently run with a default or nothing.
            Assert.Matches(new Regex(@"\$\{" + variable + @":\?"), raw);
            Assert.DoesNotMatch(new Regex(@"\$\{" + variable + @"(:?-|\})"), raw);
        }

        Assert.Contains(".env", File.ReadAllLines(RepositoryFiles.PathOf(".gitignore")));
    }

    [Fact]
    public void Broker_runs_the_management_and_prometheus_plugins()
    {
        var rabbitmq = Services.Map("rabbitmq");
        var pluginsMount = rabbitmq.Seq("volumes").Texts().Single(v => v.Contains("/etc/rabbitmq/enabled_plugins", StringComparison.Ordinal));
        var pluginsFile = RepositoryFiles.PathOf(pluginsMount.Split(':')[0]);

        var plugins = File.ReadAllText(pluginsFile);

        Assert.Contains("rabbitmq_management", plugins, StringComparison.Ordinal);
        Assert.Contains("rabbitmq_prometheus", plugins, StringComparison.Ordinal);
        Assert.Contains("management", rabbitmq.Text("image"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_the_broker_mounts_exists()
    {
        var hostPaths = Services.Map("rabbitmq").Seq("volumes").Texts()
            .Select(v => v.Split(':')[0])
            .Where(source => source.StartsWith("./", StringComparison.Ordinal));

        Assert.All(hostPaths, path => Assert.True(File.Exists(RepositoryFiles.PathOf(path)), $"{path} is mounted but missing"));
    }

    [Fact]
    public void Broker_policy_covers_exactly_the_stage_queues()
    {
        var script = RepositoryFiles.Read("deploy/rabbitmq/policies.sh");
        var pattern = Regex.Match(script, @"pipeline-stage-queues\s*\\?\s*'([^']+)'").Groups[1].Value;
        var policy = new Regex(pattern);

        Assert.All(PipelineFacts.QueueByStage.Values, queue => Assert.Matches(policy, queue));
        Assert.All(PipelineFacts.QueueByStage.Values, queue => Assert.DoesNotMatch(policy, queue + "_error"));
        Assert.Contains("delivery-limit", script, StringComparison.Ordinal);
        Assert.Contains("pipeline-stage-queues", Services.Map("rabbitmq").Map("healthcheck").Seq("test").Texts()[1], StringComparison.Ordinal);
    }

    private static string VolumeHolding(string folder, IReadOnlyDictionary<string, string> volumeByMountPoint) =>
        volumeByMountPoint.Single(m => folder.StartsWith(m.Key + "/", StringComparison.Ordinal)).Value;

    /// <summary>Compose durations such as "40s", "1m30s".</summary>
    private static TimeSpan ParseComposeDuration(string value)
    {
        var total = TimeSpan.Zero;
        foreach (Match part in Regex.Matches(value, @"(\d+)(ms|h|m|s)"))
        {
            var amount = int.Parse(part.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.FromMilliseconds(amount),
            };
        }

        return total;
    }
}

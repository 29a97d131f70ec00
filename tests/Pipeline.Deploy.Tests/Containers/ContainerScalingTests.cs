using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;
using Pipeline.Testing.Postgres;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>
/// The stage workers as real containers (Podman, driven by docker-compose through its Docker API) on a
/// private RabbitMQ and PostgreSQL on the host: scaled out, fed through the shared inbox volume, then
/// scaled in under load. Builds both images once; removes containers, volumes and images afterwards.
/// </summary>
public sealed class ContainerScalingTests(ITestOutputHelper output)
{
    private const int ArticlesPerBatch = 60;
    // Upper bounds for a busy two-core CI machine; the waits end as soon as the condition holds.
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan ProcessingDeadline = TimeSpan.FromMinutes(8);

    /// <summary>Set to 1 to run the container test (tests/run.sh then also installs Podman and debootstrap).</summary>
    public const string EnableVariable = "PIPELINE_CONTAINER_TESTS";

    [SkippableFact]
    public async Task Stage_containers_share_their_queues_and_lose_nothing_when_scaled_in()
    {
        // Opt-in: on this machine Podman 4.3's API service twice hung for good while docker-compose created
        // the stage containers (a run passed earlier the same day), and a hung test would block every CI run.
        Skip.IfNot(Environment.GetEnvironmentVariable(EnableVariable) == "1",
            $"Container test is opt-in: set {EnableVariable}=1 (Podman's API service hangs on container creation on this machine).");
        // tests/run.sh removes leftovers of a crashed run by this prefix.
        var runId = new string((Environment.GetEnvironmentVariable("PIPELINE_TEST_RUN_ID") ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        var id = runId + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var baseTag = $"localhost/pipeline-test-base:{id}";
        var appTag = $"localhost/pipeline-test:{id}";
        var work = Directory.CreateTempSubdirectory("pipeline-images-").FullName;

        await using var rabbit = await RabbitMqServer.StartPrivateAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("containers");
        await using var podman = await PodmanService.CreateAsync();
        var project = new LocalComposeProject(podman, "pipelinetest" + id, new Dictionary<string, string?>
        {
            ["PIPELINE_IMAGE"] = appTag,
            ["PIPELINE_RABBITMQ_URI"] = rabbit.AmqpUri.ToString(),
            ["PIPELINE_STORE"] = "postgres",
            ["PIPELINE_POSTGRES"] = connectionString,
        });
        using var management = rabbit.CreateManagementClient();
        try
        {
            await LocalImages.BuildBaseAsync(podman, baseTag, work);
            await LocalImages.BuildApplicationAsync(podman, baseTag, appTag, work);
            await podman.StartApiAsync();

            await project.UpAsync(new Dictionary<string, int> { ["ingest"] = 1, ["extract"] = 3, ["index"] = 2 });
            await WaitForConsumersAsync(management, "pipeline-extract", 3);
            await WaitForConsumersAsync(management, "pipeline-index", 2);
            await WaitForConsumersAsync(management, "pipeline-ingest", 1);

            var inbox = Path.Combine(await project.VolumeFolderAsync("intake"), "inbox");
            await using var store = ArticleStore(connectionString);
            var articleStore = store.GetRequiredService<IArticleStore>();

            var first = await SampleArticles.DropAsync(inbox, "a", ArticlesPerBatch);
            await WaitUntilStoredAsync(articleStore, first);
            var shares = await BrokerShares.DeliveriesPerConsumerAsync(management, "pipeline-extract");
            output.WriteLine($"extract deliveries per replica: {string.Join(", ", shares.Values)}");
            Assert.Equal(3, shares.Count);
            Assert.All(shares.Values, delivered => Assert.True(delivered > 0, "every extract replica should take a share"));

            // Scale in while the second batch is being worked on: the stopped replicas finish or requeue what they hold.
            var second = await SampleArticles.DropAsync(inbox, "b", ArticlesPerBatch);
            await project.UpAsync(new Dictionary<string, int> { ["ingest"] = 1, ["extract"] = 1, ["index"] = 2 });
            await WaitForConsumersAsync(management, "pipeline-extract", 1);
            await WaitUntilStoredAsync(articleStore, [.. first, .. second]);

            Assert.Equal(2 * ArticlesPerBatch, await articleStore.CountAsync(CancellationToken.None));
        }
        catch (Exception failure)
        {
            output.WriteLine($"test failed: {failure}");
            output.WriteLine(await SafeLogsAsync(project));
            output.WriteLine("podman API service: " + podman.ServiceOutput());
            await CleanUpAsync(project, podman, [appTag, baseTag], work, failed: true);
            throw;
        }

        await CleanUpAsync(project, podman, [appTag, baseTag], work, failed: false);
    }

    /// <summary>
    /// Removes containers, volumes, images and the build folder, each step even if an earlier one failed.
    /// After a test failure a cleanup error is only reported, so it cannot hide the real cause.
    /// </summary>
    private async Task CleanUpAsync(LocalComposeProject project, PodmanService podman, string[] images, string work, bool failed)
    {
        var errors = new List<Exception>();
        foreach (var step in new Func<Task>[]
        {
            project.DownAsync,
            () => podman.PodmanAsync(["rmi", "--force", .. images]),
            () => ChildProcess.RunAsync(new ChildProcessOptions("/bin/rm", ["-rf", work]), TimeSpan.FromMinutes(1)),
        })
        {
            try
            {
                await step();
            }
            catch (InvalidOperationException ex)
            {
                errors.Add(ex);
                output.WriteLine($"cleanup step failed: {ex.Message}");
            }
        }

        if (!failed && errors.Count > 0)
        {
            throw new AggregateException("Cleaning up after the container test failed.", errors);
        }
    }

    private static Task WaitForConsumersAsync(RabbitMqManagementClient management, string queue, int expected) =>
        Eventually.WaitUntilAsync(
            async _ => await BrokerShares.ConsumerCountAsync(management, queue) == expected,
            StartDeadline,
            $"{expected} consumer(s) on {queue}",
            TimeSpan.FromMilliseconds(500));

    private static Task WaitUntilStoredAsync(IArticleStore store, IReadOnlyList<Guid> ids) =>
        Eventually.WaitUntilAsync(
            async ct =>
            {
                foreach (var id in ids)
                {
                    if (await store.GetAsync(id, ct) is null)
                    {
                        return false;
                    }
                }

                return true;
            },
            ProcessingDeadline,
            $"all {ids.Count} dropped articles to be stored",
            TimeSpan.FromSeconds(1));

    private static ServiceProvider ArticleStore(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = connectionString,
            })
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddArticleStore(configuration)
            .BuildServiceProvider();
    }

    /// <summary>Worker logs for the failure message; a failure to read them must not hide the real one.</summary>
    private static async Task<string> SafeLogsAsync(LocalComposeProject project)
    {
        try
        {
            return await project.LogsAsync("extract") + await project.LogsAsync("index") + await project.LogsAsync("ingest");
        }
        catch (InvalidOperationException ex)
        {
            return "worker logs unavailable: " + ex.Message;
        }
    }
}

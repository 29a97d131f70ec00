using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;
using Pipeline.Testing.Postgres;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>
/// One compose project of stage containers on a private RabbitMQ and PostgreSQL of its own, with a store client
/// on the same database. Disposing takes the project down, removes whatever containers are left of it through
/// the command line (also when the API is stuck), and deletes its shared folders.
/// </summary>
internal sealed class ContainerStack : IAsyncDisposable
{
    // Upper bounds for a busy two-core CI machine; the waits end as soon as the condition holds.
    public static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan ProcessingDeadline = TimeSpan.FromMinutes(8);

    private readonly LocalContainerImages _images;
    private readonly RabbitMqServer _rabbit;
    private readonly PostgresServer _postgres;
    private readonly ServiceProvider _storeServices;

    private ContainerStack(LocalContainerImages images, RabbitMqServer rabbit, PostgresServer postgres, LocalComposeProject project, ServiceProvider storeServices)
    {
        _images = images;
        _rabbit = rabbit;
        _postgres = postgres;
        Project = project;
        _storeServices = storeServices;
        Management = rabbit.CreateManagementClient();
        Store = storeServices.GetRequiredService<IArticleStore>();
    }

    public LocalComposeProject Project { get; }

    public RabbitMqManagementClient Management { get; }

    public IArticleStore Store { get; }

    public Uri BrokerUri => _rabbit.AmqpUri;

    public Uri ManagementUri => _rabbit.ManagementUri;

    public static async Task<ContainerStack> StartAsync(LocalContainerImages images)
    {
        var rabbit = await RabbitMqServer.StartPrivateAsync();
        var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("containers");
        var name = "pipelinetest" + images.Id + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var project = new LocalComposeProject(images.Podman, name, Directory.CreateTempSubdirectory("pipeline-state-").FullName, new Dictionary<string, string?>
        {
            ["PIPELINE_IMAGE"] = images.AppTag,
            ["PIPELINE_RABBITMQ_URI"] = rabbit.AmqpUri.ToString(),
            ["PIPELINE_STORE"] = "postgres",
            ["PIPELINE_POSTGRES"] = connectionString,
        });
        var stack = new ContainerStack(images, rabbit, postgres, project, ArticleStore(connectionString));
        await project.CreateStateFoldersAsync();
        return stack;
    }

    public Task WaitForConsumersAsync(string queue, int expected) =>
        Eventually.WaitUntilAsync(
            async _ => await BrokerShares.ConsumerCountAsync(Management, queue) == expected,
            StartDeadline,
            $"{expected} consumer(s) on {queue}",
            TimeSpan.FromMilliseconds(500));

    public Task WaitUntilStoredAsync(IReadOnlyList<Guid> ids) =>
        Eventually.WaitUntilAsync(
            async ct =>
            {
                foreach (var id in ids)
                {
                    if (await Store.GetAsync(id, ct) is null)
                    {
                        return false;
                    }
                }

                return true;
            },
            ProcessingDeadline,
            $"all {ids.Count} dropped articles to be stored",
            TimeSpan.FromSeconds(1));

    /// <summary>Worker logs for a failure message; a failure to read them must not hide the real one.</summary>
    public async Task<string> SafeLogsAsync()
    {
        try
        {
            return await Project.LogsAsync("extract") + await Project.LogsAsync("index") + await Project.LogsAsync("ingest");
        }
        catch (InvalidOperationException ex)
        {
            return "worker logs unavailable: " + ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Project.DownAsync();
        }
        finally
        {
            await _images.Podman.RemoveProjectLeftoversAsync(Project.ProjectName);
            await ChildProcess.RunAsync(new ChildProcessOptions("/bin/rm", ["-rf", Project.StateFolder]), TimeSpan.FromMinutes(1));
            Management.Dispose();
            await _storeServices.DisposeAsync();
            await _postgres.DisposeAsync();
            await _rabbit.DisposeAsync();
        }
    }

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
}

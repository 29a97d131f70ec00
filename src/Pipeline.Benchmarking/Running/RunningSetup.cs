using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Benchmarking.Measuring;
using Pipeline.LocalServers;
using Pipeline.Storage;

namespace Pipeline.Benchmarking.Running;

/// <summary>
/// The processes of one set-up, started from the real `pipeline` executable with a data folder of their own:
/// one `pipeline run` (embedded) or one `pipeline worker` per stage (distributed). Disposing stops them with
/// SIGTERM, as a container runtime would, and deletes the data folder.
/// </summary>
internal sealed class RunningSetup : IAsyncDisposable
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(20);

    private readonly List<(string Name, ChildProcess Process)> _processes = [];
    private readonly string? _postgres;

    private RunningSetup(string dataDirectory, string? postgres)
    {
        DataDirectory = dataDirectory;
        _postgres = postgres;
    }

    public string DataDirectory { get; }

    public string Inbox => Path.Combine(DataDirectory, "inbox");

    /// <summary>Stage name ("pipeline" when embedded, else "ingest", "extract", "index") and process.</summary>
    public IReadOnlyList<(string Name, ChildProcess Process)> Processes => _processes;

    /// <summary>Starts the set-up and returns once every process says it is running and the inbox exists.</summary>
    public static async Task<RunningSetup> StartAsync(
        PipelineExecutable executable, SetupKind kind, BenchBroker? broker, string? postgres, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;
        var setup = new RunningSetup(data, postgres);
        try
        {
            if (kind == SetupKind.Embedded)
            {
                await setup.StartProcessAsync(executable, "pipeline", ["run", .. setup.CommonArguments()], startTimeout, cancellationToken);
            }
            else
            {
                var rabbit = broker ?? throw new InvalidOperationException("A distributed set-up needs a broker.");
                // Consumers first, so the ingest worker's first publish finds its queues bound.
                foreach (var stage in (string[])["extract", "index", "ingest"])
                {
                    await setup.StartProcessAsync(executable, stage,
                        ["worker", stage, .. rabbit.WorkerArguments(), .. setup.CommonArguments()], startTimeout, cancellationToken);
                }
            }

            await Eventually.WaitUntilAsync(() => Directory.Exists(setup.Inbox), startTimeout, $"{setup.Inbox} to be created", cancellationToken: cancellationToken);
            return setup;
        }
        catch
        {
            await setup.DisposeAsync();
            throw;
        }
    }

    /// <summary>A store client on the same database the set-up writes to.</summary>
    public ServiceProvider OpenStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] = _postgres is null ? "sqlite" : "postgres",
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = DataDirectory,
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"] = _postgres,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddArticleStore(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>CPU time and memory of every process, by stage name.</summary>
    public IReadOnlyDictionary<string, ProcessSample> Sample() =>
        _processes.ToDictionary(p => p.Name, p => ProcessStats.Read(p.Process.Id));

    /// <summary>The last lines every process wrote, for error messages.</summary>
    public string Diagnostics(int linesPerProcess = 30) => string.Join(Environment.NewLine, _processes.Select(p =>
        $"--- {p.Name} (pid {p.Process.Id.ToString(CultureInfo.InvariantCulture)}{(p.Process.HasExited ? $", exited with {p.Process.ExitCode}" : string.Empty)}):{Environment.NewLine}" +
        string.Join(Environment.NewLine, p.Process.OutputLines.TakeLast(linesPerProcess))));

    public async ValueTask DisposeAsync()
    {
        // Ingest first: nothing new enters while the later stages finish what they hold.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            await _processes[i].Process.StopGracefullyAsync(StopGracePeriod);
            await _processes[i].Process.DisposeAsync();
        }

        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }

    private string[] CommonArguments() =>
    [
        "--data", DataDirectory,
        "--urls", "http://127.0.0.1:0",
        .. _postgres is null ? (string[])["--store", "sqlite"] : ["--store", "postgres", "--postgres", _postgres],
    ];

    private async Task StartProcessAsync(PipelineExecutable executable, string name, string[] arguments, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            // The bench's own settings must not leak into the pipeline it measures.
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var process = ChildProcess.Start(executable.Options(arguments, environment));
        _processes.Add((name, process));
        await process.WaitForOutputAsync("Pipeline is running", startTimeout, cancellationToken);
    }
}

using Xunit.Abstractions;

namespace Pipeline.Testing.Processes;

/// <summary>
/// The pipeline worker processes one test starts. A start returns once the worker says it is running; when the test
/// ends, each still running is stopped as an operator would (SIGTERM, a kill after the grace period).
/// </summary>
public sealed class PipelineWorkers(ITestOutputHelper output, TimeSpan startTimeout)
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(15);
    private readonly Lock _startedLock = new();
    private readonly List<ChildProcess> _started = [];

    /// <summary>Every worker started, in order, including those a test stopped or killed itself.</summary>
    public IReadOnlyList<ChildProcess> All
    {
        get
        {
            lock (_startedLock)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>Starts <c>pipeline worker STAGE ARGUMENTS</c>; <paramref name="name"/> labels its output lines.</summary>
    public async Task<ChildProcess> StartAsync(string stage, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? name = null)
    {
        var worker = PipelineHost.Start(output, name ?? stage, environment, ["worker", stage, .. arguments]);
        // Tests start workers together (Task.WhenAll) and restart them from continuations.
        lock (_startedLock)
        {
            _started.Add(worker);
        }

        await worker.WaitForOutputAsync("Pipeline is running", startTimeout);
        return worker;
    }

    /// <summary>The end of the test: stops and releases every worker (xunit disposes test classes only through IAsyncLifetime).</summary>
    public async Task StopAllAsync()
    {
        foreach (var worker in All)
        {
            await worker.StopGracefullyAsync(StopGracePeriod);
            await worker.DisposeAsync();
        }
    }
}

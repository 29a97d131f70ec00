namespace Pipeline.Testing.Processes;

/// <summary>
/// A child process started by a test, with its output captured line by line, so a test can wait for a log line,
/// stop it gracefully (SIGTERM) or crash it (SIGKILL), and show what it printed when an assertion fails.
/// Disposing kills it (with its children) if it is still running. <see cref="LocalServers.ChildProcess"/> does the work.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly LocalServers.ChildProcess _process;

    private ChildProcess(LocalServers.ChildProcess process) => _process = process;

    /// <summary>The dotnet host to start framework-dependent apps with (`dotnet pipeline.dll ...`).</summary>
    public static string DotnetHostPath => LocalServers.ChildProcess.DotnetHostPath;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, or null while the process runs.</summary>
    public int? ExitCode => _process.ExitCode;

    public string StandardOutput => _process.StandardOutput;

    public string StandardError => _process.StandardError;

    /// <summary>Every line written so far, stdout and stderr interleaved in arrival order.</summary>
    public IReadOnlyList<string> OutputLines => _process.OutputLines;

    public static ChildProcess Start(ChildProcessOptions options) => new(LocalServers.ChildProcess.Start(options));

    /// <summary>Runs a process to completion and returns its exit code and output; kills it and throws past the timeout.</summary>
    public static async Task<ProcessResult> RunAsync(ChildProcessOptions options, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        ProcessResult.From(await LocalServers.ChildProcess.RunAsync(options, timeout, cancellationToken));

    /// <summary>Waits until the process exits and all its output is read; kills it and throws past the timeout.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _process.WaitForExitAsync(timeout, cancellationToken);

    /// <summary>Waits until a line containing <paramref name="text"/> has been written (ordinal comparison).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _process.WaitForOutputAsync(text, timeout, cancellationToken);

    /// <summary>Sends SIGTERM, the signal container runtimes send first, without waiting.</summary>
    public void SignalTerminate() => _process.SignalTerminate();

    /// <summary>Sends SIGINT, what Ctrl+C sends in a terminal, without waiting.</summary>
    public void SignalInterrupt() => _process.SignalInterrupt();

    /// <summary>Sends SIGTERM and waits; true if the process exited by itself, otherwise it is killed and false returned.</summary>
    public Task<bool> StopGracefullyAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default) =>
        _process.StopGracefullyAsync(gracePeriod, cancellationToken);

    /// <summary>SIGKILL to the process and everything it started: a crash, with no chance to clean up.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Everything written so far, for failure messages.</summary>
    public string Output() => _process.Output();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

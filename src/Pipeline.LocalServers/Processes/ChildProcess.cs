using System.Diagnostics;
using System.Text;

namespace Pipeline.LocalServers;

/// <summary>
/// A child process (a private server, a worker under test or bench), with its output captured line by line, so a caller can wait for a log line,
/// stop it gracefully (SIGTERM) or crash it (SIGKILL), and show what it printed when an assertion fails.
/// Disposing kills it (with its children) if it is still running.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>Longest <see cref="Kill"/> waits for a killed process to be gone: SIGKILL takes milliseconds.</summary>
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly ChildProcessOptions _options;
    private readonly Lock _outputLock = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _lines = [];
    private Task _outputRead = Task.CompletedTask;

    private ChildProcess(Process process, ChildProcessOptions options)
    {
        _process = process;
        _options = options;
    }

    /// <summary>The dotnet host to start framework-dependent apps with (`dotnet pipeline.dll ...`).</summary>
    public static string DotnetHostPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath
            ? hostPath
            : "dotnet";

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, or null while the process runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public string StandardOutput => Snapshot(_stdout);

    public string StandardError => Snapshot(_stderr);

    /// <summary>Every line written so far, stdout and stderr interleaved in arrival order.</summary>
    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_outputLock)
            {
                return [.. _lines];
            }
        }
    }

    public static ChildProcess Start(ChildProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var startInfo = new ProcessStartInfo(options.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in options.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var child = new ChildProcess(process, options);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start '{options.FileName}': {ex.Message}", ex);
        }

        child._outputRead = Task.WhenAll(
            child.ReadLinesAsync(process.StandardOutput, child._stdout, "stdout"),
            child.ReadLinesAsync(process.StandardError, child._stderr, "stderr"));
        return child;
    }

    /// <summary>Runs a process to completion and returns its exit code and output; kills it and throws past the timeout.</summary>
    public static async Task<ProcessResult> RunAsync(ChildProcessOptions options, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await using var child = Start(options);
        await child.WaitForExitAsync(timeout, cancellationToken);
        return new ProcessResult(child._process.ExitCode, child.StandardOutput, child.StandardError);
    }

    /// <summary>Waits until the process exits and all its output is read; kills it and throws past the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await _outputRead.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new TimeoutException(
                $"'{Describe()}' did not exit within {timeout.TotalSeconds:0.###} s and was killed. Output:{Environment.NewLine}{Output()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> has been written (ordinal comparison).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Eventually.WaitUntilAsync(
            () =>
            {
                if (OutputLines.Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    return true;
                }

                if (HasExited)
                {
                    throw new InvalidOperationException(
                        $"'{Describe()}' exited with code {_process.ExitCode} before writing '{text}'. Output:{Environment.NewLine}{Output()}");
                }

                return false;
            },
            timeout,
            $"'{Describe()}' to write '{text}'",
            cancellationToken: cancellationToken);

    /// <summary>Sends SIGINT, what Ctrl+C sends in a terminal, without waiting.</summary>
    public void SignalInterrupt()
    {
        if (!_process.HasExited)
        {
            UnixSignals.Interrupt(_process.Id);
        }
    }

    /// <summary>Sends SIGTERM, the signal container runtimes send first, without waiting.</summary>
    public void SignalTerminate()
    {
        if (!_process.HasExited)
        {
            UnixSignals.Terminate(_process.Id);
        }
    }

    /// <summary>
    /// Sends SIGTERM and waits up to <paramref name="gracePeriod"/>. Returns true if the process exited by itself;
    /// otherwise kills it (as a container runtime would after its grace period) and returns false.
    /// </summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        SignalTerminate();
        try
        {
            await WaitForExitAsync(gracePeriod, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// SIGKILL to the process and everything it started: a crash, with no chance to clean up. Returns once the
    /// process is gone (or after <see cref="KillWait"/>, for one stuck in the kernel).
    /// </summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            // Kill only sends the signal, and HasExited turns true once the runtime has reaped the child. Under a
            // loaded test run a caller that checked right after (a graceful stop past its grace period) still
            // found the process there.
            _process.WaitForExit(KillWait);
        }
    }

    /// <summary>Everything written so far, for failure messages.</summary>
    public string Output() => string.Join(Environment.NewLine, OutputLines);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
            await _outputRead;
        }

        _process.Dispose();
    }

    /// <summary>
    /// Reads one stream line by line on a thread of its own until the child closes it. A chatty child (the pipeline
    /// under bench logs thousands of lines a second) otherwise kept the thread pool waking and spinning, taking CPU
    /// from the very processes being measured: in the embedded bench's throughput phase the bench took 0.12 of a core,
    /// most of it spinning, against 0.05 with these threads.
    /// </summary>
    private Task ReadLinesAsync(StreamReader reader, StringBuilder target, string streamName)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                while (reader.ReadLine() is { } line)
                {
                    Append(line, target);
                }

                finished.SetResult();
            }
            catch (Exception ex)
            {
                finished.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"{Path.GetFileName(_options.FileName)} {streamName}",
        };
        thread.Start();
        return finished.Task;
    }

    private void Append(string line, StringBuilder target)
    {
        lock (_outputLock)
        {
            target.AppendLine(line);
            _lines.Add(line);
        }

        _options.OnOutputLine?.Invoke(line);
    }

    private string Snapshot(StringBuilder builder)
    {
        lock (_outputLock)
        {
            return builder.ToString();
        }
    }

    private string Describe() => $"{_options.FileName} {string.Join(' ', _options.Arguments)}";
}

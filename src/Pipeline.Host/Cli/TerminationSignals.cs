using System.Runtime.InteropServices;

namespace Pipeline.Host.Cli;

/// <summary>
/// Turns the first Ctrl+C or SIGTERM into cancellation, for a command without the generic host that starts servers
/// or processes of its own: left to the runtime, the signal ends the process at once and they outlive it. A second
/// signal is left to the runtime, so a user can still quit without waiting for the clean-up.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    private TerminationSignals(CancellationToken cancellationToken)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>
    /// Runs a command's work with a token the first signal cancels. When a signal stopped it, the work's own
    /// clean-up (its <c>await using</c>s) has run and the exit code is the shell's convention: 128 + the signal's number.
    /// </summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var signals = new TerminationSignals(cancellationToken);
        try
        {
            return await work(signals._cancellation.Token);
        }
        catch (OperationCanceledException) when (signals._received != 0)
        {
            return signals._received == (int)PosixSignal.SIGINT ? 128 + 2 : 128 + 15;
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0)
            return;
        context.Cancel = true;
        Console.Error.WriteLine($"pipeline: {context.Signal} received, stopping: the servers and processes this command started are being stopped and removed (send it again to quit at once).");
        _cancellation.Cancel();
    }
}

using System.Runtime.InteropServices;

namespace Pipeline.LocalServers;

/// <summary>
/// Sends POSIX signals. .NET can only SIGKILL a process (Process.Kill); a graceful stop needs SIGTERM,
/// which is what Docker, Kubernetes and systemd send first, or SIGINT, which Ctrl+C sends in a terminal.
/// </summary>
internal static partial class UnixSignals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    public static void Terminate(int processId) => Send(processId, SigTerm, "SIGTERM");

    public static void Interrupt(int processId) => Send(processId, SigInt, "SIGINT");

    private static void Send(int processId, int signal, string name)
    {
        if (SendSignal(processId, signal) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"Could not send {name} to process {processId} (errno {errno}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}

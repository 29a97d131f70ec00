using System.Runtime.InteropServices;

namespace Pipeline.Testing.Processes;

/// <summary>
/// Sends POSIX signals. .NET can only SIGKILL a process (Process.Kill); a graceful stop needs SIGTERM,
/// which is what Docker, Kubernetes and systemd send first.
/// </summary>
internal static partial class UnixSignals
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (SendSignal(processId, SigTerm) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"Could not send SIGTERM to process {processId} (errno {errno}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}

using System.Diagnostics;
using System.Text;

namespace Pipeline.Testing.Processes;

/// <summary>
/// Finds and kills processes that a private server left behind (daemons such as Erlang's epmd detach from
/// their parent, so killing the process tree is not enough). A process is recognised by a marker in its
/// environment that only that one server instance set, so nothing else on the machine is touched.
/// </summary>
public static class LeftoverProcesses
{
    public static IReadOnlyList<int> FindByEnvironmentMarker(string marker)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var needle = Encoding.UTF8.GetBytes(marker);
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == self)
            {
                continue;
            }

            if (ReadEnvironment(directory) is { } environment && environment.AsSpan().IndexOf(needle) >= 0)
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>SIGKILLs every process whose environment contains <paramref name="marker"/>; returns their ids.</summary>
    public static IReadOnlyList<int> KillByEnvironmentMarker(string marker)
    {
        var pids = FindByEnvironmentMarker(marker);
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // The process exited between the scan and the kill: nothing left to do.
            }
        }

        return pids;
    }

    private static byte[]? ReadEnvironment(string procDirectory)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(procDirectory, "environ"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Processes vanish while /proc is scanned, and other users' environments are unreadable
            // without root; neither can be one of ours.
            return null;
        }
    }
}

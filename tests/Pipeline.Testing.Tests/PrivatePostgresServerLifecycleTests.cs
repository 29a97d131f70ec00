using System.Globalization;
using PrivatePostgresServer = Pipeline.LocalServers.PrivatePostgresServer;
using Pipeline.Testing.Processes;

namespace Pipeline.Testing.Tests;

/// <summary>
/// A private PostgreSQL server whose start is cancelled (a user stopping `pipeline bench` or `pipeline relevance`
/// while it starts) leaves nothing behind: no initdb still writing, no server, no folder.
/// </summary>
public sealed class PrivatePostgresServerLifecycleTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelled_while_initdb_runs_it_leaves_no_process_and_no_folder(bool afterBootstrapServerStarted)
    {
        using var cancellation = new CancellationTokenSource();
        var start = PrivatePostgresServer.StartAsync(cancellationToken: cancellation.Token);
        var initdb = await Eventually.WaitForAsync(
            _ => Task.FromResult(OwnInitdb.Find()), TimeSpan.FromMinutes(1), "initdb, started by this test, to be running");
        if (afterBootstrapServerStarted)
        {
            // The single-user server initdb runs writes a pid file that pg_ctl refuses to act on; it lives for most
            // of initdb's second or so, hence the short poll.
            await Eventually.WaitUntilAsync(
                () => File.Exists(Path.Combine(initdb.DataFolder, "postmaster.pid")), TimeSpan.FromMinutes(1),
                "initdb's bootstrap server to write its pid file", pollInterval: TimeSpan.FromMilliseconds(5));
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
        Assert.False(OwnInitdb.IsRunning(initdb.ProcessId), "initdb still runs");
        // initdb hands the data folder to the server it bootstraps through PGDATA.
        Assert.Empty(LeftoverProcesses.FindByEnvironmentMarker(initdb.DataFolder));
        Assert.False(Directory.Exists(Path.GetDirectoryName(initdb.DataFolder)), "the server's folder is still there");
    }

    /// <summary>The initdb this test process started (through runuser), found in /proc.</summary>
    private sealed record OwnInitdb(int ProcessId, string DataFolder)
    {
        public static OwnInitdb? Find()
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var pid) || Read(pid, "comm")?.Trim() != "initdb")
                    continue;
                if (ParentOf(pid) is not { } runuser || ParentOf(runuser) != Environment.ProcessId)
                    continue;
                var arguments = Read(pid, "cmdline")?.Split('\0') ?? [];
                var data = Array.IndexOf(arguments, "-D");
                if (data >= 0 && data + 1 < arguments.Length)
                    return new OwnInitdb(pid, arguments[data + 1]);
            }

            return null;
        }

        /// <summary>Running, not a zombie waiting to be reaped.</summary>
        public static bool IsRunning(int pid) => Read(pid, "stat") is { } stat && StateOf(stat) != 'Z';

        private static int? ParentOf(int pid) =>
            Read(pid, "stat") is { } stat ? int.Parse(stat[(stat.LastIndexOf(')') + 4)..].Split(' ')[0], CultureInfo.InvariantCulture) : null;

        // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'.
        private static char StateOf(string stat) => stat[stat.LastIndexOf(')') + 2];

        private static string? Read(int pid, string file)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/{file}");
            }
            catch (IOException)
            {
                return null; // exited meanwhile
            }
        }
    }
}

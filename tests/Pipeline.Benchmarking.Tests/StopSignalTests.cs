using Pipeline.Testing;
using Pipeline.Testing.Processes;
using Xunit.Abstractions;

namespace Pipeline.Benchmarking.Tests;

/// <summary>
/// A user stops a command that starts servers of its own half-way: SIGTERM from a container runtime or `kill`,
/// Ctrl+C (SIGINT) in a terminal. What it started (broker, database server, pipeline processes) must go with it,
/// and their folders too; the exit code is the shell's 128 + the signal's number.
/// </summary>
public sealed class StopSignalTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Sigterm_during_a_bench_set_up_stops_its_servers_and_workers_and_removes_their_folders()
    {
        await using var run = RunOfItsOwn.Create();
        await using var bench = PipelineHost.Start(output, "bench", run.Environment(("Bench__Setups__0", "Distributed")),
            "bench", "--quick", "--count", "60");
        await bench.WaitForOutputAsync("Distributed: warmed up", BenchCommand.Timeout);

        bench.SignalTerminate();

        Assert.Equal(128 + 15, await bench.WaitForExitAsync(StopTimeout));
        Assert.Contains("SIGTERM received, stopping", bench.StandardError, StringComparison.Ordinal);
        run.AssertNothingLeft();
    }

    [Fact]
    public async Task Ctrl_c_while_relevance_runs_on_its_own_postgres_server_stops_the_server_and_removes_its_folder()
    {
        await using var run = RunOfItsOwn.Create();
        var judgments = Path.Combine(RepoPaths.Seeds, "relevance", "judgments.json");
        await using var relevance = PipelineHost.Start(output, "relevance", run.Environment(), "relevance", "--judgments", judgments);
        // The server listens once its socket exists (initdb's bootstrap server, earlier, makes none).
        await Eventually.WaitUntilAsync(() => run.Files(".s.PGSQL.*").Any(), BenchCommand.Timeout, "relevance's PostgreSQL server to listen");
        Assert.Contains("postgres", run.Processes());

        relevance.SignalInterrupt();

        Assert.Equal(128 + 2, await relevance.WaitForExitAsync(StopTimeout));
        Assert.Contains("SIGINT received, stopping", relevance.StandardError, StringComparison.Ordinal);
        run.AssertNothingLeft();
    }

    /// <summary>
    /// A temporary folder and an environment marker of the test's own: the command and everything it starts inherit
    /// both (servers started through runuser included), so what is left afterwards can be found and removed.
    /// </summary>
    private sealed class RunOfItsOwn : IAsyncDisposable
    {
        private readonly string _id = Guid.NewGuid().ToString("N");

        private RunOfItsOwn()
        {
            // The servers run as the rabbitmq and postgres users: tests/run.sh's TMPDIR and a new folder in it are
            // traversable. A short name: PostgreSQL's socket path below it must stay within 107 bytes.
            Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "stop-" + _id[..8])).FullName;
        }

        public string Folder { get; }

        private string Marker => "PIPELINE_STOP_SIGNAL_TEST=" + _id;

        public static RunOfItsOwn Create() => new();

        public Dictionary<string, string?> Environment(params (string Key, string Value)[] more)
        {
            var environment = new Dictionary<string, string?> { ["TMPDIR"] = Folder, ["PIPELINE_STOP_SIGNAL_TEST"] = _id };
            foreach (var (key, value) in more)
                environment[key] = value;
            return environment;
        }

        /// <summary>Dot files included (the options' default skips them as hidden).</summary>
        public IEnumerable<string> Files(string pattern) => Directory.EnumerateFiles(Folder, pattern,
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 });

        /// <summary>The command names of the processes carrying the marker.</summary>
        public List<string> Processes() =>
            LeftoverProcesses.FindByEnvironmentMarker(Marker).Select(CommandName).OfType<string>().ToList();

        public void AssertNothingLeft()
        {
            Assert.Empty(Processes());
            Assert.Empty(Directory.EnumerateFileSystemEntries(Folder));
        }

        public ValueTask DisposeAsync()
        {
            // Whatever a failed run left behind must not outlive the test.
            LeftoverProcesses.KillByEnvironmentMarker(Marker);
            Directory.Delete(Folder, recursive: true);
            return ValueTask.CompletedTask;
        }

        private static string? CommandName(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/comm").Trim();
            }
            catch (IOException)
            {
                return null; // exited meanwhile
            }
        }
    }
}

using Pipeline.Testing.Processes;

namespace Pipeline.Testing.Tests;

public sealed class ChildProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_captures_exit_code_output_and_environment()
    {
        var result = await ChildProcess.RunAsync(
            new ChildProcessOptions("sh", ["-c", "echo \"out $GREETING\"; echo err >&2; exit 3"])
            {
                Environment = new Dictionary<string, string?> { ["GREETING"] = "hello" },
            },
            Deadline);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out hello", result.StandardOutput.Trim());
        Assert.Equal("err", result.StandardError.Trim());
    }

    [Fact]
    public async Task Graceful_stop_delivers_sigterm_to_the_child()
    {
        await using var child = ChildProcess.Start(new ChildProcessOptions(
            "sh", ["-c", "trap 'echo got-term; exit 0' TERM; echo ready; while true; do sleep 0.1; done"]));
        await child.WaitForOutputAsync("ready", Deadline);

        var exitedByItself = await child.StopGracefullyAsync(Deadline);

        Assert.True(exitedByItself);
        Assert.Equal(0, child.ExitCode);
        Assert.Contains("got-term", child.OutputLines);
    }

    [Fact]
    public async Task Graceful_stop_kills_a_child_that_ignores_sigterm_after_the_grace_period()
    {
        await using var child = ChildProcess.Start(new ChildProcessOptions(
            "sh", ["-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"]));
        await child.WaitForOutputAsync("ready", Deadline);

        var exitedByItself = await child.StopGracefullyAsync(TimeSpan.FromSeconds(1));

        Assert.False(exitedByItself);
        Assert.True(child.HasExited);
    }

    [Fact]
    public async Task Waiting_for_output_fails_fast_when_the_child_exits_without_it()
    {
        await using var child = ChildProcess.Start(new ChildProcessOptions("sh", ["-c", "echo something-else; exit 4"]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => child.WaitForOutputAsync("never-written", Deadline));

        Assert.Contains("exited with code 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("something-else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_a_missing_program_says_which_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ChildProcess.Start(new ChildProcessOptions("/nonexistent/pipeline-test-program", [])));

        Assert.Contains("/nonexistent/pipeline-test-program", error.Message, StringComparison.Ordinal);
    }
}

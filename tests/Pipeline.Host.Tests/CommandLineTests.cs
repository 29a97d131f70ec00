using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests;

[Collection(ConsoleTests.Name)]
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("bogus")]
    [InlineData("worker", "nonsense")]
    [InlineData("search")]
    [InlineData("search", "x", "--limit", "0")]
    [InlineData("run", "--no-such-option")]
    public async Task Bad_usage_exits_with_2_and_says_why_on_stderr(params string[] args)
    {
        var (exitCode, _, stderr) = await ConsoleCapture.RunAsync(args);

        Assert.Equal(PipelineCommandLine.BadUsage, exitCode);
        Assert.StartsWith("pipeline: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extracting_a_missing_file_fails_with_1_and_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt");

        var (exitCode, _, stderr) = await ConsoleCapture.RunAsync(["extract", missing, "--json"]);

        Assert.Equal(PipelineCommandLine.Failure, exitCode);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }
}

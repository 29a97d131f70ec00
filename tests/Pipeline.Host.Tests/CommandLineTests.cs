using System.Text.Json;
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

    [Fact]
    public async Task Extracting_a_json_list_prints_one_json_line_per_article()
    {
        var file = Path.Combine(Path.GetTempPath(), $"daftar-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, SampleArticles.ThreeArticleList);
        try
        {
            var (exitCode, stdout, _) = await ConsoleCapture.RunAsync(["extract", file, "--json"]);

            Assert.Equal(PipelineCommandLine.Success, exitCode);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(3, lines.Length);
            var articles = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.Equal(["Dermaga Baru Tarakan Mulai Beroperasi", "Festival Cengkeh Digelar di Ternate", "Sekolah Terapung Hadir di Bontang"],
                articles.Select(a => a.GetProperty("title").GetString()));
            Assert.Equal([file + "#1", file + "#2", file + "#3"], articles.Select(a => a.GetProperty("source").GetProperty("path").GetString()));
            Assert.Equal(["Tarakan", "Ternate", "Bontang"], articles.Select(a => a.GetProperty("dateline").GetString()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

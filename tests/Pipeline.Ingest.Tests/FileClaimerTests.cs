using Pipeline.Ingest.Claiming;
using Pipeline.Ingest.Tests.Support;

namespace Pipeline.Ingest.Tests;

public sealed class FileClaimerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Of_two_replicas_racing_for_one_file_exactly_one_wins()
    {
        var inbox = Directory.CreateDirectory(_temp.Combine("inbox")).FullName;
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;
        const int rounds = 200;
        var winners = new int[rounds];

        for (var round = 0; round < rounds; round++)
        {
            var source = Path.Combine(inbox, $"article {round}.txt");
            await File.WriteAllTextAsync(source, $"content {round}");
            using var start = new Barrier(2);
            var claims = Enumerable.Range(0, 2).Select(replica => Task.Run(() =>
            {
                var workPath = WorkFiles.PathFor(work, Guid.NewGuid(), source);
                start.SignalAndWait();
                return FileClaimer.TryClaim(source, workPath);
            })).ToArray();
            winners[round] = (await Task.WhenAll(claims)).Count(won => won);
        }

        Assert.All(winners, count => Assert.Equal(1, count));
        Assert.Empty(Directory.EnumerateFileSystemEntries(inbox));
        var claimed = Directory.GetFiles(work);
        Assert.Equal(rounds, claimed.Length);
        Assert.Equal(Enumerable.Range(0, rounds).Select(i => $"content {i}").Order(StringComparer.Ordinal),
            claimed.Select(File.ReadAllText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Claiming_a_file_that_is_already_gone_is_a_lost_race_not_an_error()
    {
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;

        Assert.False(FileClaimer.TryClaim(_temp.Combine("never-there.txt"), Path.Combine(work, "x")));
        Assert.False(FileClaimer.TryClaim(_temp.Combine("gone-folder", "never-there.txt"), Path.Combine(work, "y")));
    }

    [Fact]
    public void Claiming_a_symbolic_link_moves_the_link_and_leaves_its_target_alone()
    {
        var target = _temp.Combine("target.txt");
        File.WriteAllText(target, "outside");
        var link = _temp.Combine("link.txt");
        File.CreateSymbolicLink(link, target);
        var workPath = _temp.Combine("claimed-link");

        Assert.True(FileClaimer.TryClaim(link, workPath));

        Assert.Equal(target, new FileInfo(workPath).LinkTarget);
        Assert.Equal("outside", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("article.TXT", ".txt")]
    [InlineData("desk/news.html", ".html")]
    [InlineData("no extension", "")]
    [InlineData("odd.ext with space", "")]
    [InlineData("line\nbreak.t\nt", "")]
    [InlineData("berita.雅加达", "")]
    public void Work_names_keep_a_plain_extension_and_carry_the_correlation_id(string relativePath, string extension)
    {
        var correlationId = Guid.NewGuid();

        var workPath = WorkFiles.PathFor("/work", correlationId, relativePath);

        Assert.Equal("/work/" + correlationId.ToString("N") + extension, workPath);
        Assert.True(WorkFiles.TryParse(workPath, out var parsed));
        Assert.Equal(correlationId, parsed);
    }
}

using Pipeline.Ingest.Tests.Support;
using Pipeline.Ingest.Watching;

namespace Pipeline.Ingest.Tests;

public sealed class InboxScannerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _inbox;

    public InboxScannerTests()
    {
        _inbox = _temp.Combine("inbox");
        Directory.CreateDirectory(_inbox);
    }

    public void Dispose() => _temp.Dispose();

    private List<InboxFile> Scan() => new InboxScanner(_inbox, new IgnoreRules([])).Scan();

    [Fact]
    public void Finds_files_in_subfolders_created_at_any_time_with_forward_slash_paths()
    {
        Directory.CreateDirectory(Path.Combine(_inbox, "desk", "sport"));
        File.WriteAllText(Path.Combine(_inbox, "top.txt"), "a");
        File.WriteAllText(Path.Combine(_inbox, "desk", "sport", "match.txt"), "bc");

        var found = Scan().ToDictionary(f => f.RelativePath);

        Assert.Equal(["desk/sport/match.txt", "top.txt"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, found["desk/sport/match.txt"].SizeBytes);
        Assert.False(found["top.txt"].IsSymbolicLink);
    }

    [Fact]
    public void Files_the_caller_skips_are_left_out_by_the_full_path_a_scan_reports_at_any_depth()
    {
        // Deep enough that the path outgrows the scanner's first buffer.
        var deep = Path.Combine(_inbox, new string('a', 120), new string('b', 120), "c");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(_inbox, "top.txt"), "a");
        File.WriteAllText(Path.Combine(_inbox, "kept.txt"), "a");
        File.WriteAllText(Path.Combine(deep, "deep.txt"), "a");
        File.WriteAllText(Path.Combine(deep, "kept-deep.txt"), "a");
        var inHand = Scan().Where(f => !f.RelativePath.Contains("kept", StringComparison.Ordinal)).Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        var lookup = inHand.GetAlternateLookup<ReadOnlySpan<char>>();

        var found = new InboxScanner(_inbox, new IgnoreRules([])).Scan(path => lookup.Contains(path));

        Assert.Equal(2, inHand.Count);
        Assert.Equal(["kept-deep.txt", "kept.txt"], found.Select(f => Path.GetFileName(f.RelativePath)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Skips_ignored_files_and_everything_inside_hidden_folders()
    {
        Directory.CreateDirectory(Path.Combine(_inbox, ".partial"));
        File.WriteAllText(Path.Combine(_inbox, ".partial", "article.txt"), "x");
        File.WriteAllText(Path.Combine(_inbox, "article.txt.part"), "x");
        File.WriteAllText(Path.Combine(_inbox, "~lock.txt"), "x");
        File.WriteAllText(Path.Combine(_inbox, "kept.txt"), "x");

        Assert.Equal("kept.txt", Assert.Single(Scan()).RelativePath);
    }

    [Fact]
    public void Names_with_spaces_newlines_and_non_latin_letters_are_found_as_they_are()
    {
        string[] names = ["berita utama.txt", "line\nbreak.txt", "雅加达 ニュース Ünïcode.txt"];
        foreach (var name in names)
            File.WriteAllText(Path.Combine(_inbox, name), "x");

        Assert.Equal(names.Order(StringComparer.Ordinal), Scan().Select(f => f.RelativePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Symbolic_links_are_listed_as_links_and_linked_folders_are_not_entered()
    {
        var outside = _temp.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "not for the pipeline");
        File.CreateSymbolicLink(Path.Combine(_inbox, "file-link.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_inbox, "folder-link"), outside);

        var found = Scan().OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();

        Assert.Equal(["file-link.txt", "folder-link"], found.Select(f => f.RelativePath));
        Assert.All(found, f => Assert.True(f.IsSymbolicLink));
    }
}

using Pipeline.Ingest.Claiming;
using Pipeline.Ingest.Finishing;
using Pipeline.Ingest.Tests.Support;

namespace Pipeline.Ingest.Tests;

public sealed class FinalPlacesAndFileSystemTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_free_name_is_used_as_dropped_and_a_taken_one_gets_the_correlation_id()
    {
        var root = _temp.Combine("archive");
        var correlationId = Guid.NewGuid();

        Assert.Equal(Path.Combine(root, "desk", "a b.txt"), FinalPlaces.Choose(root, "desk/a b.txt", correlationId));

        Directory.CreateDirectory(Path.Combine(root, "desk"));
        File.WriteAllText(Path.Combine(root, "desk", "a b.txt"), "earlier drop");
        Assert.Equal(Path.Combine(root, "desk", $"a b.{correlationId:N}.txt"), FinalPlaces.Choose(root, "desk/a b.txt", correlationId));
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("dangling link")]
    [InlineData("link to a folder")]
    [InlineData("reason of another claim")]
    public void A_name_held_by_anything_but_a_free_path_is_taken(string holder)
    {
        var root = Directory.CreateDirectory(_temp.Combine("archive")).FullName;
        var dropped = Path.Combine(root, "x.txt");
        if (holder == "reason of another claim")
        {
            var reason = new QuarantineReason { File = "x.txt", Stage = "extract", Error = "e", WhatToDo = "w", Time = DateTimeOffset.UtcNow, CorrelationId = Guid.NewGuid() };
            File.WriteAllText(dropped + ".reason.json", reason.ToJson());
        }
        else
        {
            MakeEntry(dropped, holder);
        }
        var correlationId = Guid.NewGuid();

        Assert.Equal(Path.Combine(root, $"x.{correlationId:N}.txt"), FinalPlaces.Choose(root, "x.txt", correlationId));
    }

    [Theory]
    [InlineData("file", true)]
    [InlineData("dangling link", true)]
    [InlineData("link to a folder", true)]
    [InlineData("folder", false)]
    [InlineData("nothing", false)]
    public void An_inbox_entry_is_a_file_or_a_link_of_any_kind(string what, bool exists)
    {
        var path = _temp.Combine("entry");
        MakeEntry(path, what);

        Assert.Equal(exists, Entries.Exist(path));
    }

    private void MakeEntry(string path, string kind)
    {
        switch (kind)
        {
            case "file":
                File.WriteAllText(path, "text");
                break;
            case "folder":
                Directory.CreateDirectory(path);
                break;
            case "dangling link":
                File.CreateSymbolicLink(path, _temp.Combine("nowhere"));
                break;
            case "link to a folder":
                Directory.CreateSymbolicLink(path, Directory.CreateDirectory(_temp.Combine("elsewhere")).FullName);
                break;
        }
    }

    [Fact]
    public void A_path_that_climbs_out_of_the_folder_is_kept_inside()
    {
        var root = _temp.Combine("quarantine");

        Assert.Equal(Path.Combine(root, "passwd"), FinalPlaces.Choose(root, "../../etc/passwd", Guid.NewGuid()));
    }

    [Fact]
    public void A_retry_finds_the_reason_it_wrote_before_a_crash_and_keeps_the_name()
    {
        var root = Directory.CreateDirectory(_temp.Combine("quarantine")).FullName;
        var ours = Guid.NewGuid();
        var reason = new QuarantineReason { File = "x.txt", Stage = "extract", Error = "e", WhatToDo = "w", Time = DateTimeOffset.UtcNow, CorrelationId = ours };
        File.WriteAllText(Path.Combine(root, "x.txt.reason.json"), reason.ToJson());

        Assert.Equal(Path.Combine(root, "x.txt"), FinalPlaces.Choose(root, "x.txt", ours));
        Assert.Equal(Path.Combine(root, $"x.{Guid.Empty:N}.txt"), FinalPlaces.Choose(root, "x.txt", Guid.Empty));
    }

    [Fact]
    public void Inbox_and_work_folder_on_one_file_system_pass_the_check_and_leave_nothing_behind()
    {
        var inbox = Directory.CreateDirectory(_temp.Combine("inbox")).FullName;
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;

        SameFileSystemCheck.Verify(inbox, work);

        Assert.Empty(Directory.EnumerateFileSystemEntries(inbox));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public void A_work_folder_on_another_file_system_is_refused_with_the_reason()
    {
        // /dev/shm is a tmpfs on Linux, a different file system from the temp folder's disk.
        Assert.True(Directory.Exists("/dev/shm"), "This test needs /dev/shm (a tmpfs) as a second file system");
        var inbox = Directory.CreateDirectory(_temp.Combine("inbox")).FullName;
        var work = Directory.CreateDirectory(Path.Combine("/dev/shm", "pipeline-ingest-tests-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => SameFileSystemCheck.Verify(inbox, work));

            Assert.Contains("another file system", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(inbox));
            Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

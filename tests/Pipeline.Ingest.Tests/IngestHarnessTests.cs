using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Ingest.Ledger;
using Pipeline.Ingest.Tests.Support;
using Pipeline.Testing.Processes;
using Pipeline.Testing.Messages;

namespace Pipeline.Ingest.Tests;

/// <summary>The stage as a host runs it: a real temp inbox, the watcher, the ledger and the bus harness.</summary>
public class IngestHarnessTests
{
    private static string Sha256Hex(string text) => DocumentIds.Sha256Hex(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_dropped_file_is_claimed_and_published_as_ArticleReceived_with_its_content()
    {
        await using var host = await IngestTestHost.StartAsync();
        const string text = "JAKARTA (ANTARA) - Hujan deras turun sejak pagi.";

        host.Drop("desk/berita.txt", text);

        var published = await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "desk/berita.txt");
        var message = published.Context.Message;
        Assert.Equal(DocumentIds.FromSha256Hex(Sha256Hex(text)), message.DocumentId);
        Assert.Equal(Sha256Hex(text), message.Source.Sha256);
        Assert.Equal("text/plain", message.Source.MediaType);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), message.Source.SizeBytes);
        Assert.Equal(text, Encoding.UTF8.GetString(message.Content!));
        Assert.Null(message.ContentPath);
        Assert.NotEqual(Guid.Empty, message.CorrelationId);
        Assert.Equal(message.CorrelationId, published.Context.CorrelationId);
        Assert.Equal(Stages.Ingest, message.Ingested.Stage);
        Assert.False(File.Exists(host.Inbox("desk", "berita.txt")));

        var ledger = host.Services.GetRequiredService<IngestLedger>();
        await Eventually.WaitUntilAsync(() => ledger.FindAsync(message.CorrelationId).Result?.State == ClaimState.Published, Eventually.DefaultTimeout, "the ledger records the file as published");
        var claim = (await ledger.FindAsync(message.CorrelationId))!;
        Assert.Equal("desk/berita.txt", claim.SourcePath);
        Assert.Equal(message.Source.Sha256, claim.Sha256);
        Assert.Equal(message.DocumentId, claim.DocumentId);
    }

    [Fact]
    public async Task A_file_above_the_inline_threshold_travels_as_a_claim_check()
    {
        await using var host = await IngestTestHost.StartAsync();
        var text = string.Concat(Enumerable.Repeat("Paragraf panjang tentang banjir. ", 200));

        host.Drop("long.txt", text);

        var message = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "long.txt")).Context.Message;
        Assert.Null(message.Content);
        Assert.NotNull(message.ContentPath);
        Assert.StartsWith(host.Options.WorkFolder, message.ContentPath, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(message.ContentPath));
    }

    [Fact]
    public async Task Files_keep_names_with_spaces_newlines_and_non_latin_letters()
    {
        await using var host = await IngestTestHost.StartAsync();
        string[] names = ["berita utama.txt", "baris\nbaru.txt", "雅加达 ニュース.txt"];

        foreach (var name in names)
            host.Drop(name, "Isi artikel " + name);

        foreach (var name in names)
        {
            var message = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == name)).Context.Message;
            Assert.Equal("Isi artikel " + name, Encoding.UTF8.GetString(message.Content!));
        }
    }

    [Fact]
    public async Task ArticleIndexed_moves_the_claimed_file_to_the_archive_and_records_it_stored()
    {
        await using var host = await IngestTestHost.StartAsync();
        host.Drop("desk/雅加达 news.txt", "Stored article");
        var received = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "desk/雅加达 news.txt")).Context.Message;

        await host.Harness.Bus.Publish(StageAnswers.Indexed(received));

        var archived = Path.Combine(host.Options.ArchiveFolder, "desk", "雅加达 news.txt");
        await Eventually.WaitUntilAsync(() => File.Exists(archived), Eventually.DefaultTimeout, "the file is archived under its dropped path");
        Assert.Equal("Stored article", await File.ReadAllTextAsync(archived));
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.Options.WorkFolder));
        Assert.Equal(ClaimState.Stored, (await host.Services.GetRequiredService<IngestLedger>().FindAsync(received.CorrelationId))!.State);
    }

    [Fact]
    public async Task A_stored_file_leaves_the_ledger_once_its_retention_has_passed()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:LedgerRetention"] = "00:00:01",
            ["Ingest:LedgerPruneInterval"] = "00:00:00.200",
        });
        host.Drop("kept briefly.txt", "Stored, then forgotten by the ledger");
        var received = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "kept briefly.txt")).Context.Message;
        await host.Harness.Bus.Publish(StageAnswers.Indexed(received));
        var ledger = host.Services.GetRequiredService<IngestLedger>();
        await Eventually.WaitUntilAsync(async ct => (await ledger.FindAsync(received.CorrelationId, ct))?.State == ClaimState.Stored,
            Eventually.DefaultTimeout, "the ledger records the file as stored");

        await Eventually.WaitUntilAsync(async ct => await ledger.FindAsync(received.CorrelationId, ct) is null,
            Eventually.DefaultTimeout, "the stored claim is pruned after its retention");
        Assert.True(File.Exists(Path.Combine(host.Options.ArchiveFolder, "kept briefly.txt")));
    }

    [Fact]
    public async Task A_file_of_several_articles_is_archived_only_once_every_one_of_them_is_stored()
    {
        await using var host = await IngestTestHost.StartAsync();
        host.Drop("desk/daftar.json", """[{"title": "a", "body": "satu"}, {"title": "b", "body": "dua"}, {"title": "c", "body": "tiga"}]""");
        var received = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "desk/daftar.json")).Context.Message;
        var items = Enumerable.Range(0, 3).Select(i => StageAnswers.Indexed(received) with
        {
            DocumentId = DocumentIds.ForItem(received.Source.Sha256, i),
            Source = received.Source.ForItem(i),
            ItemIndex = i,
            ItemCount = 3,
        }).ToArray();
        var ledger = host.Services.GetRequiredService<IngestLedger>();
        await Eventually.WaitUntilAsync(() => ledger.FindAsync(received.CorrelationId).Result?.State == ClaimState.Published, Eventually.DefaultTimeout, "the file is published");

        // Two of the three, one of them redelivered: the file must wait.
        await host.Harness.Bus.Publish(items[0]);
        await host.Harness.Bus.Publish(items[2]);
        await host.Harness.Bus.Publish(items[0]);
        await Eventually.WaitUntilAsync(() => host.Harness.Consumed.SoFar<ArticleIndexed>().Count >= 3, Eventually.DefaultTimeout, "ingest has handled the three announcements");
        Assert.Single(Directory.EnumerateFiles(host.Options.WorkFolder, "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(host.Options.ArchiveFolder) && Directory.EnumerateFiles(host.Options.ArchiveFolder, "*", SearchOption.AllDirectories).Any());
        Assert.Equal(ClaimState.Published, (await ledger.FindAsync(received.CorrelationId))!.State);

        await host.Harness.Bus.Publish(items[1]);

        var archived = Path.Combine(host.Options.ArchiveFolder, "desk", "daftar.json");
        await Eventually.WaitUntilAsync(() => File.Exists(archived), Eventually.DefaultTimeout, "the file is archived under its own path once all its articles are stored");
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.Options.WorkFolder));
        var claim = (await ledger.FindAsync(received.CorrelationId))!;
        Assert.Equal(ClaimState.Stored, claim.State);
        Assert.Equal("desk/daftar.json", claim.SourcePath);
        Assert.Equal(received.DocumentId, claim.DocumentId);
    }

    [Fact]
    public async Task With_delete_configured_a_stored_file_is_deleted()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?> { ["Ingest:DeleteAfterStore"] = "true" });
        host.Drop("gone.txt", "Stored then deleted");
        var received = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "gone.txt")).Context.Message;

        await host.Harness.Bus.Publish(StageAnswers.Indexed(received));

        await Eventually.WaitUntilAsync(() => host.Services.GetRequiredService<IngestLedger>().FindAsync(received.CorrelationId).Result?.State == ClaimState.Stored, Eventually.DefaultTimeout, "the ledger records the file as stored");
        await Eventually.WaitUntilAsync(() => !Directory.EnumerateFileSystemEntries(host.Options.WorkFolder).Any(), Eventually.DefaultTimeout, "the work folder is empty");
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.Options.ArchiveFolder));
    }

    [Fact]
    public async Task ArticleRejected_moves_the_file_to_quarantine_beside_a_reason_a_person_can_read()
    {
        await using var host = await IngestTestHost.StartAsync();
        host.Drop("bad page.html", "<html><body>menu only</body></html>");
        var received = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "bad page.html")).Context.Message;

        await host.Harness.Bus.Publish(new ArticleRejected
        {
            DocumentId = received.DocumentId,
            CorrelationId = received.CorrelationId,
            Source = received.Source,
            Stage = Stages.Extract,
            Reason = "The HTML page has no article text.",
            Hint = "Save the article page itself, not the site's front page.",
            RejectedAt = DateTimeOffset.UtcNow,
        });

        var quarantined = Path.Combine(host.Options.QuarantineFolder, "bad page.html");
        await Eventually.WaitUntilAsync(() => File.Exists(quarantined), Eventually.DefaultTimeout, "the file is in quarantine");
        using var reason = JsonDocument.Parse(await File.ReadAllTextAsync(quarantined + ".reason.json"));
        Assert.Equal("extract", reason.RootElement.GetProperty("stage").GetString());
        Assert.Equal("The HTML page has no article text.", reason.RootElement.GetProperty("error").GetString());
        Assert.Equal("Save the article page itself, not the site's front page.", reason.RootElement.GetProperty("whatToDo").GetString());
        Assert.Equal("bad page.html", reason.RootElement.GetProperty("file").GetString());
        Assert.True(reason.RootElement.TryGetProperty("time", out _));
        Assert.Equal(ClaimState.Quarantined, (await host.Services.GetRequiredService<IngestLedger>().FindAsync(received.CorrelationId))!.State);
    }

    [Fact]
    public async Task A_rejection_arriving_after_the_file_was_stored_changes_nothing()
    {
        await using var host = await IngestTestHost.StartAsync();
        host.Drop("kept.txt", "Stored first");
        var received = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "kept.txt")).Context.Message;
        await host.Harness.Bus.Publish(StageAnswers.Indexed(received));
        var archived = Path.Combine(host.Options.ArchiveFolder, "kept.txt");
        await Eventually.WaitUntilAsync(() => File.Exists(archived), Eventually.DefaultTimeout, "the file is archived");

        await host.Harness.Bus.Publish(new ArticleRejected
        {
            DocumentId = received.DocumentId,
            CorrelationId = received.CorrelationId,
            Source = received.Source,
            Stage = Stages.Extract,
            Reason = "The claimed file is gone.",
            RejectedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.WaitUntilAsync(() => host.Harness.Consumed.SoFar<ArticleRejected>().Any(m => m.Context.Message.CorrelationId == received.CorrelationId && m.Exception is null), Eventually.DefaultTimeout, "the rejection is consumed (the harness records it once the consumer has finished)");
        Assert.Equal(ClaimState.Stored, (await host.Services.GetRequiredService<IngestLedger>().FindAsync(received.CorrelationId))!.State);
        Assert.True(File.Exists(archived));
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.Options.QuarantineFolder));
    }

    [Fact]
    public async Task The_same_content_dropped_twice_is_recorded_as_a_repeat_and_both_files_end_in_the_archive()
    {
        await using var host = await IngestTestHost.StartAsync();
        host.Drop("first.txt", "Same words");
        var first = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "first.txt")).Context.Message;
        host.Drop("second copy.txt", "Same words");
        var second = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "second copy.txt")).Context.Message;

        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.NotEqual(first.CorrelationId, second.CorrelationId);
        var ledger = host.Services.GetRequiredService<IngestLedger>();
        // The ledger records a publish (and what it repeats) once the message is out, so just after the harness sees it.
        var repeat = await Eventually.WaitForAsync(
            async ct => await ledger.FindAsync(second.CorrelationId, ct) is { State: ClaimState.Published } row ? row : null,
            Eventually.DefaultTimeout, "the second publish is recorded");
        Assert.Equal(first.CorrelationId, repeat.DuplicateOf);

        await host.Harness.Bus.Publish(StageAnswers.Indexed(first));
        await host.Harness.Bus.Publish(StageAnswers.Indexed(second) with { Created = false });

        await Eventually.WaitUntilAsync(() => File.Exists(Path.Combine(host.Options.ArchiveFolder, "first.txt"))
                                          && File.Exists(Path.Combine(host.Options.ArchiveFolder, "second copy.txt")), Eventually.DefaultTimeout, "both files are archived");
        Assert.All(await ledger.FindByContentAsync(first.Source.Sha256), c => Assert.Equal(ClaimState.Stored, c.State));
    }

    [Fact]
    public async Task A_name_dropped_again_later_is_archived_beside_the_first_not_over_it()
    {
        await using var host = await IngestTestHost.StartAsync();
        foreach (var text in new[] { "Edition one", "Edition two" })
        {
            host.Drop("daily.txt", text);
            var received = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Sha256 == Sha256Hex(text))).Context.Message;
            await host.Harness.Bus.Publish(StageAnswers.Indexed(received));
            await Eventually.WaitUntilAsync(() => !Directory.EnumerateFileSystemEntries(host.Options.WorkFolder).Any(), Eventually.DefaultTimeout, "the work folder is empty");
        }

        var archived = Directory.GetFiles(host.Options.ArchiveFolder).Select(File.ReadAllText).Order(StringComparer.Ordinal);
        Assert.Equal(["Edition one", "Edition two"], archived);
    }

    [Fact]
    public async Task Hidden_and_temporary_files_are_left_alone()
    {
        await using var host = await IngestTestHost.StartAsync();
        host.Drop("article.txt.part", "half written");
        host.Drop(".hidden.txt", "hidden");
        host.Drop("real.txt", "real");

        await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "real.txt");
        // Rescans later, the other two are still left alone.
        await Task.Delay(host.Options.RescanInterval * 2);

        Assert.True(File.Exists(host.Inbox("article.txt.part")));
        Assert.True(File.Exists(host.Inbox(".hidden.txt")));
        Assert.Single(host.Harness.Published.SoFar<ArticleReceived>());
    }

    [Fact]
    public async Task Without_file_system_events_the_rescan_alone_finds_files_in_folders_created_later()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?> { ["Ingest:UseFileSystemEvents"] = "false" });

        host.Drop("created/later/quiet mount.txt", "No event announced this file");

        var message = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "created/later/quiet mount.txt")).Context.Message;
        Assert.Equal("No event announced this file", Encoding.UTF8.GetString(message.Content!));
    }

    [Fact]
    public async Task A_burst_of_files_in_new_subfolders_is_all_published_once()
    {
        const int count = 300;
        // No stage here finishes files, so the whole burst must fit in the work folder.
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxFilesInFlight"] = $"{count}" });

        for (var i = 0; i < count; i++)
            host.Drop($"burst/{i % 7}/file {i}.txt", $"Artikel nomor {i}");

        await Eventually.WaitUntilAsync(() => host.Harness.Published.SoFar<ArticleReceived>().Count >= count, TimeSpan.FromSeconds(60), $"{count} files are published");
        var paths = host.Harness.Published.SoFar<ArticleReceived>().Select(m => m.Context.Message.Source.Path).ToList();
        Assert.Equal(count, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(count, paths.Count);
    }
}

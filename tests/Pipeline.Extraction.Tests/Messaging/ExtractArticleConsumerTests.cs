using System.Text;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Extraction.Messaging;
using Pipeline.Testing.Messages;

namespace Pipeline.Extraction.Tests.Messaging;

public sealed class ExtractArticleConsumerTests
{
    private static readonly DateTimeOffset Dropped = new(2024, 6, 14, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Inline_content_is_extracted_and_handed_on_with_the_stage_visit()
    {
        var extractor = new RecordingExtractor();
        await using var provider = BuildProvider(extractor);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var received = Received("inline.txt", Encoding.UTF8.GetBytes("Judul\nJAKARTA - Isi."), contentPath: null);
        await harness.Bus.Publish(received);

        Assert.True(await harness.Published.Any<ArticleExtracted>(x => x.Context.Message.DocumentId == received.DocumentId));
        var extracted = harness.Published.SoFar<ArticleExtracted>().Single().Context.Message;
        Assert.Equal(received.CorrelationId, extracted.CorrelationId);
        Assert.Equal([Stages.Ingest, Stages.Extract], extracted.Stages.Select(s => s.Stage));
        Assert.Equal("Judul\nJAKARTA - Isi.", extractor.LastText);
        Assert.Equal(received.FileModifiedAt, extractor.LastReferenceDate);
    }

    [Fact]
    public async Task A_claim_check_is_read_from_the_named_file()
    {
        var extractor = new RecordingExtractor();
        await using var provider = BuildProvider(extractor);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var path = Path.Combine(Path.GetTempPath(), $"claim-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "Judul besar\nIsi dari berkas.");
        try
        {
            await harness.Bus.Publish(Received("large.txt", content: null, contentPath: path));

            Assert.True(await harness.Published.Any<ArticleExtracted>());
            Assert.Equal("Judul besar\nIsi dari berkas.", extractor.LastText);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Content_that_is_no_article_is_rejected_with_the_reason_and_not_faulted()
    {
        var extractor = new RecordingExtractor { RejectWith = "The file is empty." };
        await using var provider = BuildProvider(extractor);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var received = Received("empty.txt", [], contentPath: null);
        await harness.Bus.Publish(received);

        Assert.True(await harness.Published.Any<ArticleRejected>());
        var rejected = harness.Published.SoFar<ArticleRejected>().Single().Context.Message;
        Assert.Equal("The file is empty.", rejected.Reason);
        Assert.Equal(Stages.Extract, rejected.Stage);
        Assert.Equal(received.Source, rejected.Source);
        Assert.False(await harness.Published.Any<ArticleExtracted>());
        Assert.False(await harness.Published.Any<Fault<ArticleReceived>>());
        Assert.Equal(1, extractor.Calls);
    }

    [Fact]
    public async Task Each_article_of_a_list_is_handed_on_with_its_own_document_id_and_its_place_in_the_file()
    {
        await using var provider = BuildProvider(new ArticleExtractor(new ExtractionOptions()));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var content = Encoding.UTF8.GetBytes("""
            [{"title": "Pertama", "body": "Isi berita pertama di kota."},
             {"title": "Kedua", "body": "Isi berita kedua di desa."},
             {"title": "Ketiga", "body": "Isi berita ketiga di pulau."}]
            """);
        var received = Received("daftar.json", content, contentPath: null);

        await harness.Bus.Publish(received);

        Assert.True(await harness.Consumed.Any<ArticleReceived>());
        await harness.InactivityTask;
        var extracted = harness.Published.MessagesSoFar<ArticleExtracted>().OrderBy(m => m.ItemIndex).ToList();
        Assert.Equal([0, 1, 2], extracted.Select(m => m.ItemIndex));
        Assert.All(extracted, m => Assert.Equal(3, m.ItemCount));
        Assert.All(extracted, m => Assert.Equal(received.CorrelationId, m.CorrelationId));
        Assert.Equal(["Pertama", "Kedua", "Ketiga"], extracted.Select(m => m.Article.Title));
        Assert.Equal(["daftar.json#1", "daftar.json#2", "daftar.json#3"], extracted.Select(m => m.Article.Source.Path));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => DocumentIds.ForItem(received.Source.Sha256, i)), extracted.Select(m => m.DocumentId));
    }

    private static ServiceProvider BuildProvider(IArticleExtractor extractor)
    {
        var configuration = new ConfigurationBuilder().Build();
        return new ServiceCollection()
            .AddSingleton(extractor)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new WorkerIdentity("test-worker"))
            .AddMassTransitTestHarness(x => x.AddExtractionConsumers(configuration))
            .BuildServiceProvider(true);
    }

    private static ArticleReceived Received(string path, byte[]? content, string? contentPath)
    {
        var sha = DocumentIds.Sha256Hex(Encoding.UTF8.GetBytes(path));
        return new ArticleReceived
        {
            DocumentId = DocumentIds.FromSha256Hex(sha),
            CorrelationId = Guid.NewGuid(),
            Source = new SourceFile(path, sha, MediaTypes.PlainText, content?.Length ?? 0),
            Content = content,
            ContentPath = contentPath,
            DroppedAt = Dropped,
            FileModifiedAt = Dropped.AddMinutes(-5),
            Ingested = new StageVisit(Stages.Ingest, "ingest-1", Dropped, Dropped),
        };
    }

    private sealed class RecordingExtractor : IArticleExtractor
    {
        public string? RejectWith { get; init; }
        public string? LastText { get; private set; }
        public DateTimeOffset LastReferenceDate { get; private set; }
        public int Calls { get; private set; }

        public Article Extract(ExtractionInput input)
        {
            Calls++;
            LastText = Encoding.UTF8.GetString(input.Content.Span);
            LastReferenceDate = input.ReferenceDate;
            if (RejectWith is not null) throw new ExtractionRejectedException(RejectWith, "Drop a text, HTML or JSON article.");
            return new Article { Source = input.Source, Title = LastText.Split('\n')[0], Body = LastText };
        }

        public IReadOnlyList<Article> ExtractAll(ExtractionInput input) => [Extract(input)];
    }
}

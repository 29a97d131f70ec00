using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Extraction.WarmUp;

namespace Pipeline.Extraction.Tests;

public sealed class WarmUpTests
{
    [Fact]
    public void Every_warm_up_sample_is_an_article_the_extractor_accepts_with_and_without_the_tagger()
    {
        // A refused sample would throw here, and in a worker it would stop the start.
        Assert.True(ExtractionWarmUp.Run(new ArticleExtractor(new ExtractionOptions())) > TimeSpan.Zero);
        Assert.True(ExtractionWarmUp.Run(new ArticleExtractor(new ExtractionOptions(), Extract.ShippedTagger.Value)) > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_host_with_extraction_warms_the_extractor_up_at_start_unless_configured_off()
    {
        foreach (var (setting, expectedCalls) in new[] { ("true", WarmUpSamples.All.Length), ("false", 0) })
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Extraction:WarmUpAtStart"] = setting,
            }).Build();
            var counting = new CountingExtractor(new ArticleExtractor(new ExtractionOptions()));
            var services = new ServiceCollection().AddLogging().AddExtraction(configuration).AddSingleton<IArticleExtractor>(counting);
            await using var provider = services.BuildServiceProvider();

            foreach (var hosted in provider.GetServices<IHostedService>())
                await hosted.StartAsync(CancellationToken.None);

            Assert.Equal(expectedCalls, counting.Calls);
        }
    }

    private sealed class CountingExtractor(IArticleExtractor inner) : IArticleExtractor
    {
        public int Calls { get; private set; }

        public Contracts.Article Extract(ExtractionInput input) => ExtractAll(input)[0];

        public IReadOnlyList<Contracts.Article> ExtractAll(ExtractionInput input)
        {
            Calls++;
            return inner.ExtractAll(input);
        }
    }
}

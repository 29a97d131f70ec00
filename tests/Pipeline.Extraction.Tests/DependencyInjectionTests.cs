using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pipeline.Extraction.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddExtraction_binds_the_Extraction_section_and_registers_one_extractor()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Extraction:MaxInputBytes"] = "2048",
            ["Extraction:HtmlTimeBudget"] = "00:00:00.5",
            ["Extraction:KeywordCount"] = "3",
        }).Build();
        using var provider = new ServiceCollection().AddExtraction(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ExtractionOptions>>().Value;
        Assert.Equal(2048, options.MaxInputBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.HtmlTimeBudget);
        var extractor = provider.GetRequiredService<IArticleExtractor>();
        Assert.Same(extractor, provider.GetRequiredService<IArticleExtractor>());

        // The bound limit is the one the extractor enforces.
        var big = System.Text.Encoding.UTF8.GetBytes("Judul\n" + new string('a', 4096));
        Assert.Throws<ExtractionRejectedException>(() => extractor.Extract(new ExtractionInput(
            new Contracts.SourceFile("big.txt", "0", "text/plain", big.Length), big, Extract.DefaultReference)));
    }

    [Fact]
    public void Invalid_options_fail_when_the_extractor_is_resolved()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Extraction:MaxInputBytes"] = "0",
        }).Build();
        using var provider = new ServiceCollection().AddExtraction(configuration).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IArticleExtractor>());
    }
}

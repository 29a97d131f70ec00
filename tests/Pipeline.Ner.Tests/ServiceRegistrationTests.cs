using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ner.Model;

namespace Pipeline.Ner.Tests;

public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ner-di-").FullName;

    [Fact]
    public void Without_configuration_the_shipped_model_is_loaded_once()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var first = provider.GetRequiredService<IEntityTagger>();
        var second = provider.GetRequiredService<IEntityTagger>();

        Assert.Same(first, second);
        Assert.Same(provider.GetRequiredService<NerModel>(), provider.GetRequiredService<NerModel>());
        Assert.Equal(NerModel.LoadShipped().HashBits, provider.GetRequiredService<NerModel>().HashBits);
    }

    [Fact]
    public void Ner_ModelPath_overrides_the_shipped_model()
    {
        var path = Path.Combine(_folder, "custom.bin");
        Fixtures.SmallModel.Save(path);
        using var provider = Build(new Dictionary<string, string?> { ["Ner:ModelPath"] = path });

        var model = provider.GetRequiredService<NerModel>();

        Assert.Equal(Fixtures.SmallOptions.HashBits, model.HashBits);
        Assert.Equal(18, model.TrainingSentences);
    }

    [Fact]
    public void A_missing_model_file_is_named_when_the_tagger_is_resolved()
    {
        var path = Path.Combine(_folder, "missing.bin");
        using var provider = Build(new Dictionary<string, string?> { ["Ner:ModelPath"] = path });

        var error = Assert.Throws<FileNotFoundException>(() => provider.GetRequiredService<IEntityTagger>());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEntityTagger(configuration).BuildServiceProvider();
    }
}

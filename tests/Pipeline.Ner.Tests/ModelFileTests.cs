using Pipeline.Ner.Model;

namespace Pipeline.Ner.Tests;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ner-model-").FullName;

    [Fact]
    public void Save_and_load_round_trip_keeps_bytes_and_predictions()
    {
        var path = Path.Combine(_folder, "model.bin");
        Fixtures.SmallModel.Save(path);

        var loaded = NerModel.Load(path);
        var again = Path.Combine(_folder, "again.bin");
        loaded.Save(again);

        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        var tokens = Fixtures.Tokens("Bupati Siti Aminah meminta Dinas Kesehatan memeriksa warga di Kabupaten Lebak .");
        Assert.Equal(new PerceptronTagger(Fixtures.SmallModel).Tag(tokens), new PerceptronTagger(loaded).Tag(tokens));
        Assert.Equal(Fixtures.SmallModel.GazetteerNames, loaded.GazetteerNames);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_clearly()
    {
        var path = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(path, "just some notes, not a model");

        var error = Assert.Throws<InvalidDataException>(() => NerModel.Load(path));

        Assert.Contains("Not a Pipeline NER model", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_model_is_refused_clearly()
    {
        using var full = new MemoryStream();
        Fixtures.SmallModel.Save(full);
        using var truncated = new MemoryStream(full.ToArray()[..(int)(full.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => NerModel.Load(truncated));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_from_a_newer_format_is_refused_with_the_versions()
    {
        using var stream = new MemoryStream();
        Fixtures.SmallModel.Save(stream);
        var bytes = stream.ToArray();
        bytes[4] = 99;

        var error = Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes)));

        Assert.Contains("format version 99", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
